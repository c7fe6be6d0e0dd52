package dev.kpisql.calcite;

import com.google.common.collect.ImmutableSet;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.HashMap;
import java.util.Map;

/**
 * Calcite's implicit casts without one: an INTERVAL of years or months to a number. Calcite 1.42
 * casts {@code INTERVAL '1' MONTH} to the BIGINT 1 when a function has a BIGINT parameter, so that
 * {@code session_count(ts, INTERVAL '1' MONTH)} would silently read a gap of one second; months
 * have no fixed length and S1 takes only day-to-second intervals, so here the call finds no
 * signature, as in Trino. The connections of {@link KpiEngine} validate with this rule.
 */
final class KpiTypeCoercion
{
    static final SqlTypeCoercionRule RULE = rule();

    private KpiTypeCoercion() {}

    private static SqlTypeCoercionRule rule()
    {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> mapping = new HashMap<>();
        SqlTypeCoercionRule.instance().getTypeMapping().forEach((to, from) -> mapping.put(to, SqlTypeName.YEAR_INTERVAL_TYPES.contains(to)
                ? from
                : ImmutableSet.copyOf(from.stream().filter(type -> !SqlTypeName.YEAR_INTERVAL_TYPES.contains(type)).toList())));
        return SqlTypeCoercionRule.instance(mapping);
    }
}

package dev.kpisql.trino;

import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;

import java.util.ArrayList;
import java.util.List;

/** The concrete Trino signatures that the catalog's overloads stand for. */
final class TrinoSignatures
{
    /** One row of {@code SHOW FUNCTIONS}, as far as kpi-sql decides it. */
    record Row(String name, String returnType, String argumentTypes, String functionType, String description) {}

    private TrinoSignatures() {}

    /**
     * A value as the catalog's matching compares it: a ROW that the testing framework hands out as
     * a {@code MaterializedRow} is the List of its field values; anything else unchanged.
     */
    static Object answer(Object value)
    {
        return value instanceof io.trino.testing.MaterializedRow row ? row.getFields() : value;
    }

    /** How Trino spells a catalog type; TIMESTAMP is registered at millisecond and microsecond precision. */
    static List<String> trinoTypes(SqlType type)
    {
        return switch (type) {
            case BIGINT -> List.of("bigint");
            case DOUBLE -> List.of("double");
            case VARCHAR -> List.of("varchar");
            case BOOLEAN -> List.of("boolean");
            case DATE -> List.of("date");
            case TIMESTAMP -> List.of("timestamp(3)", "timestamp(6)");
            case INTERVAL_DAY_TO_SECOND -> List.of("interval day to second");
            case BOOLEAN_ARRAY -> List.of("array(boolean)");
            case INTEGER_ARRAY -> List.of("array(integer)");
            case ROW -> throw new IllegalArgumentException("a ROW is spelled from its fields: see returnType");
        };
    }

    /**
     * How SHOW FUNCTIONS spells a function's return type: {@code row("rate" double,"lower" double,"upper" double)}
     * for a ROW (field names quoted, no blank after the commas).
     */
    static String returnType(KpiFunction function)
    {
        if (function.returnType() != SqlType.ROW) {
            return trinoTypes(function.returnType()).get(0);
        }
        return "row(" + String.join(",", function.fields().stream().map(field -> "\"" + field.name() + "\" " + trinoTypes(field.type()).get(0)).toList()) + ")";
    }

    /**
     * Every argument's SQL types expanded: {@code nps(score SCORE)} is {@code nps(bigint)} and
     * {@code nps(double)}. The timestamps of one signature share their precision: Trino coerces a
     * call with mixed precisions to the wider one.
     */
    static List<Row> rows(KpiFunction function)
    {
        List<Row> rows = new ArrayList<>();
        for (Overload overload : function.overloads()) {
            for (List<String> arguments : overload.sqlSignatures().stream().flatMap(signature -> trinoSignatures(signature).stream()).toList()) {
                if (arguments.contains("timestamp(3)") && arguments.contains("timestamp(6)")) {
                    continue;
                }
                rows.add(new Row(
                        function.name(),
                        returnType(function),
                        String.join(", ", arguments),
                        function.kind().name().toLowerCase(),
                        overload.description()));
            }
        }
        return rows;
    }

    /** One catalog signature in Trino's spelling: a TIMESTAMP argument at each precision. */
    private static List<List<String>> trinoSignatures(List<SqlType> signature)
    {
        List<List<String>> spelled = List.of(List.of());
        for (SqlType sqlType : signature) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : spelled) {
                for (String type : trinoTypes(sqlType)) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(type);
                    longer.add(next);
                }
            }
            spelled = longer;
        }
        return spelled;
    }
}

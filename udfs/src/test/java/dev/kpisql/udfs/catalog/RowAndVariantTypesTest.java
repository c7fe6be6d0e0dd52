package dev.kpisql.udfs.catalog;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.kpisql.udfs.catalog.SqlType.BIGINT;
import static dev.kpisql.udfs.catalog.SqlType.BOOLEAN;
import static dev.kpisql.udfs.catalog.SqlType.DOUBLE;
import static dev.kpisql.udfs.catalog.SqlType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's ROW results and experiment variants: signatures, validation, matching. */
final class RowAndVariantTypesTest
{
    private static final Overload TEST = Overload.aggregate(
            List.of(new Argument("converted", ArgType.FLAG, "converted"),
                    new Argument("variant", ArgType.VARIANT, "arm"),
                    new Argument("control", ArgType.CONTROL, "control arm"),
                    new Argument("confidence", ArgType.NUMBER, "level")),
            "Returns a test",
            "formula",
            () -> null,
            new Example("one row", List.of(Example.row(true, "a", "a", 0.9)), null));

    @Test
    void controlTakesTheTypeOfTheVariantInEverySignature()
    {
        assertThat(TEST.sqlSignatures()).containsExactly(
                List.of(BOOLEAN, VARCHAR, VARCHAR, DOUBLE),
                List.of(BOOLEAN, BIGINT, BIGINT, DOUBLE),
                List.of(BOOLEAN, BOOLEAN, BOOLEAN, DOUBLE));
    }

    @Test
    void aRowResultHasFieldsAndNoOtherResultHasThem()
    {
        List<RowField> fields = List.of(new RowField("rate", DOUBLE, "rate"), new RowField("lower", DOUBLE, "bound"));
        assertThat(new KpiFunction("f", Kind.AGGREGATE, SqlType.ROW, "percent", "notes", List.of(TEST), fields).fields()).isEqualTo(fields);
        assertThat(new KpiFunction("f", Kind.AGGREGATE, DOUBLE, "percent", "notes", List.of(TEST)).fields()).isEmpty();
        assertThatThrownBy(() -> new KpiFunction("f", Kind.AGGREGATE, SqlType.ROW, "percent", "notes", List.of(TEST)))
                .hasMessageContaining("a ROW result has fields");
        assertThatThrownBy(() -> new KpiFunction("f", Kind.AGGREGATE, DOUBLE, "percent", "notes", List.of(TEST), fields))
                .hasMessageContaining("a ROW result has fields");
        assertThatThrownBy(() -> new KpiFunction("f", Kind.AGGREGATE, SqlType.ROW, "percent", "notes", List.of(TEST), List.of(fields.get(0), fields.get(0))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new RowField("p-value", DOUBLE, "x")).hasMessageContaining("snake_case");
    }

    @Test
    void aRowMatchesAMapAListAnArrayOrAStructFieldByField()
            throws Exception
    {
        Map<String, Object> expected = row("rate", 50.0, "lower", null, "variants", 2L);
        assertThat(ShapeQuery.matches(row("rate", 50.0 * (1 + 1e-12), "lower", null, "variants", 2L), expected)).isTrue();
        assertThat(ShapeQuery.matches(Arrays.asList(50.0, null, 2L), expected)).isTrue();
        assertThat(ShapeQuery.matches(new Object[] {50.0, null, 2}, expected)).isTrue();
        assertThat(ShapeQuery.matches(struct(50.0, null, 2L), expected)).isTrue();

        assertThat(ShapeQuery.matches(Arrays.asList(50.1, null, 2L), expected)).as("another value").isFalse();
        assertThat(ShapeQuery.matches(Arrays.asList(50.0, 1.0, 2L), expected)).as("a value for a NULL field").isFalse();
        assertThat(ShapeQuery.matches(Arrays.asList(50.0, null, 3L), expected)).as("another count").isFalse();
        assertThat(ShapeQuery.matches(Arrays.asList(50.0, null), expected)).as("a field fewer").isFalse();
        assertThat(ShapeQuery.matches(row("rate", 50.0, "upper", null, "variants", 2L), expected)).as("another field name").isFalse();
        assertThat(ShapeQuery.matches(50.0, expected)).as("not a row").isFalse();
        assertThat(ShapeQuery.matches(null, expected)).as("NULL").isFalse();
    }

    private static Map<String, Object> row(Object... namesAndValues)
    {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private static java.sql.Struct struct(Object... values)
    {
        return new java.sql.Struct()
        {
            @Override
            public String getSQLTypeName()
            {
                return "ROW";
            }

            @Override
            public Object[] getAttributes()
            {
                return values.clone();
            }

            @Override
            public Object[] getAttributes(Map<String, Class<?>> map)
            {
                return getAttributes();
            }
        };
    }
}

package dev.kpisql.trino;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;
import io.trino.spi.function.AggregationFunction;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.type.Type;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.testing.assertions.TrinoExceptionAssert.assertTrinoExceptionThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The plugin exposes exactly the catalog, and every example of the catalog gives its answer on
 * a three-node cluster. Both are driven by {@link Catalog#functions()}, so a function added to
 * the core is tested here without a line of test code: it fails until its adapter is registered
 * in {@link KpiPlugin}.
 */
@TestInstance(PER_CLASS)
final class TestKpiPluginCatalog
{
    /** DOUBLE answers agree to 1e-9 relative; near zero, to 1e-12. */
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private QueryRunner runner;

    @BeforeAll
    void startCluster()
            throws Exception
    {
        runner = KpiQueryRunner.distributed(2);
    }

    @AfterAll
    void stopCluster()
    {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void clusterHasThreeNodes()
    {
        assertThat(runner.getNodeCount()).isEqualTo(3);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsAnswer()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                for (Example example : overload.examples()) {
                    String sql = example.sql(function.name(), overload);
                    tests.add(DynamicTest.dynamicTest(overload.signature(function.name()) + ": " + example.title(),
                            () -> assertAnswer(function, sql, example.expected())));
                }
            }
        }
        return tests.stream();
    }

    private void assertAnswer(KpiFunction function, String sql, Object expected)
    {
        if (expected instanceof Example.Failure failure) {
            // a user error with the core's message, never an internal error
            assertTrinoExceptionThrownBy(() -> runner.execute(sql))
                    .hasErrorCode(failure.kind() == KpiException.Kind.OVERFLOW ? NUMERIC_VALUE_OUT_OF_RANGE : INVALID_FUNCTION_ARGUMENT)
                    .hasMessage(failure.message());
            return;
        }
        MaterializedResult result = runner.execute(sql);
        assertThat(result.getTypes()).as(sql).containsExactly(trinoType(function.returnType()));
        Object actual = result.getOnlyValue();
        if (expected == null) {
            assertThat(actual).as(sql).isNull();
        }
        else if (expected instanceof Double number) {
            assertThat(actual).as(sql).isInstanceOf(Double.class);
            assertThat((Double) actual).as(sql).isCloseTo(number, within(Math.max(Math.abs(number) * RELATIVE_TOLERANCE, 1e-12)));
        }
        else {
            assertThat(actual).as(sql).isEqualTo(expected);
        }
    }

    /**
     * Every aggregate in GROUP BY, FILTER (WHERE …), GROUPING SETS and as a window function: two
     * of its hand-worked examples become groups 1 and 2 of one table, and each group must give
     * its example's answer whatever the SQL shape around the function.
     */
    @TestFactory
    Stream<DynamicTest> everyAggregateWorksInEverySqlShape()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            if (function.kind() != Kind.AGGREGATE) {
                continue;
            }
            for (Overload overload : function.overloads()) {
                List<Example> answered = overload.examples().stream().filter(example -> !example.fails() && example.expected() != null).toList();
                Example first = answered.get(0);
                // a group-constant parameter (a scale, a confidence level) cannot differ inside the grand total
                boolean groupConstant = overload.arguments().stream().anyMatch(argument -> argument.name().equals("scale_max") || argument.name().equals("confidence"));
                Example second = answered.size() > 1 && !groupConstant && sameColumnTypes(first, answered.get(1)) ? answered.get(1) : first;
                String table = groupedTable(overload, first, second);
                String call = function.name() + "(" + String.join(", ", overload.arguments().stream().map(Argument::name).toList()) + ")";
                String name = overload.signature(function.name());
                tests.add(DynamicTest.dynamicTest(name + " GROUP BY", () -> assertGroups(
                        "SELECT g, " + call + " FROM " + table + " GROUP BY g", first, second)));
                tests.add(DynamicTest.dynamicTest(name + " FILTER", () -> assertGroups(
                        "SELECT 1, " + call + " FILTER (WHERE g = 1) FROM " + table + " UNION ALL SELECT 2, " + call + " FILTER (WHERE g = 2) FROM " + table, first, second)));
                tests.add(DynamicTest.dynamicTest(name + " GROUPING SETS", () -> assertGroups(
                        "SELECT g, " + call + " FROM " + table + " GROUP BY GROUPING SETS ((g), ()) HAVING g IS NOT NULL", first, second)));
                tests.add(DynamicTest.dynamicTest(name + " OVER (PARTITION BY … ORDER BY …)", () -> assertGroups(
                        "SELECT DISTINCT g, " + call + " OVER (PARTITION BY g ORDER BY g) FROM " + table, first, second)));
            }
        }
        return tests.stream();
    }

    private void assertGroups(String sql, Example first, Example second)
    {
        Map<Object, Object> answers = new HashMap<>();
        for (MaterializedRow row : runner.execute(sql).getMaterializedRows()) {
            assertThat(answers.put(((Number) row.getField(0)).intValue(), row.getField(1))).as(sql).isNull();
        }
        assertThat(answers.keySet()).as(sql).containsExactlyInAnyOrder(1, 2);
        assertClose(sql, answers.get(1), first.expected());
        assertClose(sql, answers.get(2), second.expected());
    }

    private static void assertClose(String sql, Object actual, Object expected)
    {
        if (expected instanceof Double number) {
            assertThat((Double) actual).as(sql).isCloseTo(number, within(Math.max(Math.abs(number) * RELATIVE_TOLERANCE, 1e-12)));
        }
        else {
            assertThat(actual).as(sql).isEqualTo(expected);
        }
    }

    /** {@code (VALUES (1, …), (2, …)) AS t(g, …)}: the rows of two examples tagged with their group. */
    private static String groupedTable(Overload overload, Example first, Example second)
    {
        String columns = String.join(", ", overload.arguments().stream().map(Argument::name).toList());
        return "(VALUES " + first.valuesRows(overload, 1) + ", " + second.valuesRows(overload, 2) + ") AS t(g, " + columns + ")";
    }

    /** Two examples fit one table when each column holds values of one Java type. */
    private static boolean sameColumnTypes(Example a, Example b)
    {
        for (int i = 0; i < a.rows().get(0).size(); i++) {
            int column = i;
            Set<Class<?>> types = new java.util.HashSet<>();
            Stream.concat(a.rows().stream(), b.rows().stream()).map(row -> row.get(column)).filter(java.util.Objects::nonNull).forEach(value -> types.add(value.getClass()));
            if (types.size() > 1) {
                return false;
            }
        }
        return true;
    }

    private static Type trinoType(SqlType type)
    {
        return switch (type) {
            case DOUBLE -> DOUBLE;
            case VARCHAR -> VARCHAR;
            default -> throw new IllegalArgumentException("no KPI returns " + type);
        };
    }

    /**
     * {@code SHOW FUNCTIONS} lists each catalog function once per concrete signature, with its
     * return type, kind and the catalog's description, and no other function that the catalog
     * or the plugin names.
     */
    @Test
    void showFunctionsListsExactlyTheCatalog()
    {
        Set<String> names = new TreeSet<>(pluginFunctionNames());
        List<TrinoSignatures.Row> expected = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            names.add(function.name());
            expected.addAll(TrinoSignatures.rows(function));
        }

        List<TrinoSignatures.Row> actual = new ArrayList<>();
        for (MaterializedRow row : runner.execute("SHOW FUNCTIONS").getMaterializedRows()) {
            String name = (String) row.getField(0);
            if (names.contains(name)) {
                assertThat(row.getField(4)).as("%s is deterministic", name).isEqualTo(true);
                actual.add(new TrinoSignatures.Row(name, (String) row.getField(1), (String) row.getField(2), (String) row.getField(3), (String) row.getField(5)));
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The plugin's function classes name only catalog functions. */
    @Test
    void pluginRegistersOnlyCatalogFunctions()
    {
        Set<String> catalog = new TreeSet<>();
        Catalog.functions().forEach(function -> catalog.add(function.name()));
        assertThat(catalog).containsAll(pluginFunctionNames());
    }

    /** The SQL names the plugin's classes declare, read from their annotations. */
    private static Set<String> pluginFunctionNames()
    {
        Set<String> names = new TreeSet<>();
        for (Class<?> functionClass : new KpiPlugin().getFunctions()) {
            AggregationFunction aggregation = functionClass.getAnnotation(AggregationFunction.class);
            if (aggregation != null) {
                names.add(aggregation.value());
            }
            ScalarFunction classScalar = functionClass.getAnnotation(ScalarFunction.class);
            if (classScalar != null) {
                names.add(classScalar.value());
            }
            for (Method method : functionClass.getMethods()) {
                ScalarFunction scalar = method.getAnnotation(ScalarFunction.class);
                if (scalar != null) {
                    names.add(scalar.value().isEmpty() ? method.getName() : scalar.value());
                }
            }
        }
        return names;
    }
}

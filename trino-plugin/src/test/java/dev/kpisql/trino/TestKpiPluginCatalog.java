package dev.kpisql.trino;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.catalog.BadInputs;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.ClickHouseCases;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.ShapeQuery;
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
        assertThat(result.getTypes()).as(sql).containsExactly(function.returnType() == SqlType.ROW ? KpiOutput.rowType(function.name()) : trinoType(function.returnType()));
        Object actual = TrinoSignatures.answer(result.getOnlyValue());
        if (expected == null) {
            assertThat(actual).as(sql).isNull();
        }
        else {
            // an ARRAY arrives as a List, a ROW as the List of its field values
            assertThat(actual).as(sql).isInstanceOf(expected instanceof List || expected instanceof java.util.Map ? List.class : expected.getClass());
            assertThat(ShapeQuery.matches(actual, expected)).as("%s gave %s, expected %s", sql, actual, expected).isTrue();
        }
    }

    /**
     * The bad-input matrix ({@link BadInputs}): every case is NULL, or a user error
     * ({@code INVALID_FUNCTION_ARGUMENT}, {@code NUMERIC_VALUE_OUT_OF_RANGE} for an overflow)
     * whose message names the function, the argument and the bad value — never an internal error.
     * With {@code -Dkpi.bad-inputs=one-per-kind} (the second Trino lines), the first case of each
     * overload and kind of bad input: every adapter method meets every kind its function rejects,
     * while the variations of one kind (each argument, each bad value), which the core decides
     * alike in every line, run in full on the main line.
     */
    @TestFactory
    Stream<DynamicTest> everyBadInputHasTheContractsOutcome()
    {
        List<BadInputs.Case> cases = BadInputs.cases();
        String selection = System.getProperty("kpi.bad-inputs", "all");
        if (selection.equals("one-per-kind")) {
            Set<String> kinds = new TreeSet<>();
            cases = cases.stream().filter(badInput -> kinds.add(badInput.overload().signature(badInput.function().name()) + " " + badInput.category())).toList();
        }
        else if (!selection.equals("all")) {
            throw new IllegalArgumentException("kpi.bad-inputs is all or one-per-kind, not " + selection);
        }
        return cases.stream().map(badInput -> DynamicTest.dynamicTest(badInput.name(), () -> assertOutcome(badInput)));
    }

    private void assertOutcome(BadInputs.Case badInput)
    {
        String sql = badInput.sql();
        BadInputs.Rejection rejection = badInput.rejection();
        if (rejection == null) {
            MaterializedResult result = runner.execute(sql);
            assertThat(result.getRowCount()).as(sql).isEqualTo(1);
            assertThat(result.getOnlyValue()).as(sql).isNull();
            return;
        }
        assertTrinoExceptionThrownBy(() -> runner.execute(sql))
                .hasErrorCode(rejection.kind() == KpiException.Kind.OVERFLOW ? NUMERIC_VALUE_OUT_OF_RANGE : INVALID_FUNCTION_ARGUMENT)
                .satisfies(error -> assertThat(rejection.matches(error.getMessage())).as("%s: '%s' should match %s", sql, error.getMessage(), rejection).isTrue());
    }

    /**
     * ClickHouse's own tests of the event functions ({@link ClickHouseCases}): every query gives the
     * answer of ClickHouse's reference file, or the contract's error where a case is adapted to it.
     */
    @TestFactory
    Stream<DynamicTest> everyClickHouseCaseGivesItsReferenceAnswer()
    {
        return ClickHouseCases.all().stream().map(value -> DynamicTest.dynamicTest(value.name(), () -> {
            if (value.failure() != null) {
                assertTrinoExceptionThrownBy(() -> runner.execute(value.sql()))
                        .satisfies(error -> assertThat(error.getMessage()).as(value.sql()).isEqualTo(value.failure()));
                return;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (MaterializedRow row : runner.execute(value.sql()).getMaterializedRows()) {
                rows.add(row.getFields());
            }
            assertThat(value.matches(rows)).as("%s gave %s, expected %s", value.sql(), rows, value.expected()).isTrue();
        }));
    }

    /** Every aggregate in GROUP BY, FILTER (WHERE …), GROUPING SETS and as a window function. */
    @TestFactory
    Stream<DynamicTest> everyAggregateWorksInEverySqlShape()
    {
        return Catalog.functions().stream()
                .flatMap(function -> ShapeQuery.of(function).stream())
                .map(query -> DynamicTest.dynamicTest(query.name(), () -> assertGroups(query)));
    }

    private void assertGroups(ShapeQuery query)
    {
        Map<Object, Object> answers = new HashMap<>();
        for (MaterializedRow row : runner.execute(query.sql()).getMaterializedRows()) {
            assertThat(answers.put(((Number) row.getField(0)).intValue(), TrinoSignatures.answer(row.getField(1)))).as(query.sql()).isNull();
        }
        assertThat(answers.keySet()).as(query.sql()).containsExactlyInAnyOrder(1, 2);
        assertThat(ShapeQuery.matches(answers.get(1), query.first())).as("%s: group 1 gave %s, expected %s", query.sql(), answers.get(1), query.first()).isTrue();
        assertThat(ShapeQuery.matches(answers.get(2), query.second())).as("%s: group 2 gave %s, expected %s", query.sql(), answers.get(2), query.second()).isTrue();
    }

    private static Type trinoType(SqlType type)
    {
        return switch (type) {
            case DOUBLE -> DOUBLE;
            case VARCHAR -> VARCHAR;
            case BIGINT -> io.trino.spi.type.BigintType.BIGINT;
            case BOOLEAN -> io.trino.spi.type.BooleanType.BOOLEAN;
            case INTEGER_ARRAY -> new io.trino.spi.type.ArrayType(io.trino.spi.type.IntegerType.INTEGER);
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

package dev.kpisql.calcite;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.catalog.BadInputs;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.ClickHouseCases;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.ShapeQuery;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Every catalog example gives its answer in the embedded engine, through its JDBC driver
 * ({@code jdbc:kpi:}); a failing example fails with the core's message as a SQLException.
 */
@TestInstance(PER_CLASS)
final class KpiFunctionsCatalogTest
{
    private Connection connection;

    @BeforeAll
    void connect()
            throws SQLException
    {
        connection = DriverManager.getConnection("jdbc:kpi:");
    }

    @AfterAll
    void close()
            throws SQLException
    {
        connection.close();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsAnswer()
    {
        return Catalog.functions().stream().flatMap(function -> function.overloads().stream().flatMap(overload -> overload.examples().stream()
                .map(example -> DynamicTest.dynamicTest(overload.signature(function.name()) + ": " + example.title(),
                        () -> assertAnswer(example.sql(function.name(), overload), example.expected())))));
    }

    private void assertAnswer(String sql, Object expected)
            throws SQLException
    {
        if (expected instanceof Example.Failure failure) {
            assertThatThrownBy(() -> query(sql))
                    .as(sql)
                    .isInstanceOf(SQLException.class)
                    .hasMessage(failure.message())
                    .hasRootCauseInstanceOf(KpiException.class)
                    .matches(error -> ((SQLException) error).getSQLState().equals(failure.kind() == KpiException.Kind.OVERFLOW ? KpiErrors.OUT_OF_RANGE : KpiErrors.INVALID_ARGUMENT), "SQLSTATE of " + failure.kind());
            return;
        }
        List<Object> rows = query(sql);
        assertThat(rows).as(sql).hasSize(1);
        Object actual = rows.get(0);
        if (expected != null) {
            // an ARRAY arrives as a List, a ROW as a java.sql.Struct of its field values
            assertThat(actual).as(sql).isInstanceOf(expected instanceof List ? List.class : expected instanceof Map ? java.sql.Struct.class : expected.getClass());
        }
        assertThat(ShapeQuery.matches(actual, expected)).as("%s gave %s, expected %s", sql, actual, expected).isTrue();
    }

    /** The first column of every row. */
    private List<Object> query(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(embedded(sql))) {
            List<Object> values = new java.util.ArrayList<>();
            while (result.next()) {
                values.add(value(result, 1));
            }
            return values;
        }
    }

    /**
     * The catalog's SQL as the embedded engine reads it: Calcite's parser rejects the empty array
     * {@code ARRAY[]} (Trino reads it), so an empty array is built from an empty query.
     */
    static String embedded(String sql)
    {
        return sql.replace("ARRAY[]", "ARRAY(SELECT TRUE FROM (VALUES (1)) AS e(x) WHERE FALSE)");
    }

    /** A column's value, an ARRAY as a List of its elements. */
    static Object value(ResultSet result, int column)
            throws SQLException
    {
        Object value = result.getObject(column);
        if (value instanceof java.sql.Array array) {
            Object elements = array.getArray();
            List<Object> list = new java.util.ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(elements); i++) {
                list.add(java.lang.reflect.Array.get(elements, i));
            }
            return list;
        }
        return value;
    }

    /**
     * The bad-input matrix ({@link BadInputs}): every case is NULL, or a SQLException with the
     * contract's SQLSTATE whose message names the function, the argument and the bad value.
     */
    @TestFactory
    Stream<DynamicTest> everyBadInputHasTheContractsOutcome()
    {
        return BadInputs.cases().stream().map(badInput -> DynamicTest.dynamicTest(badInput.name(), () -> assertOutcome(badInput)));
    }

    private void assertOutcome(BadInputs.Case badInput)
            throws SQLException
    {
        String sql = badInput.sql();
        BadInputs.Rejection rejection = badInput.rejection();
        if (rejection == null) {
            assertThat(query(sql)).as(sql).containsExactly((Object) null);
            return;
        }
        SQLException error = catchThrowableOfType(SQLException.class, () -> {
            throw new AssertionError(sql + " gave " + query(sql) + ", expected " + rejection);
        });
        assertThat(error.getSQLState()).as(error.getMessage())
                .isEqualTo(rejection.kind() == KpiException.Kind.OVERFLOW ? KpiErrors.OUT_OF_RANGE : KpiErrors.INVALID_ARGUMENT);
        assertThat(rejection.matches(error.getMessage())).as("%s: '%s' should match %s", sql, error.getMessage(), rejection).isTrue();
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
                assertThatThrownBy(() -> rows(value.sql())).as(value.sql()).isInstanceOf(SQLException.class).hasMessage(value.failure());
                return;
            }
            List<List<Object>> rows = rows(value.sql());
            assertThat(value.matches(rows)).as("%s gave %s, expected %s", value.sql(), rows, value.expected()).isTrue();
        }));
    }

    /** Every row, every column. */
    private List<List<Object>> rows(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(embedded(sql))) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            while (result.next()) {
                List<Object> row = new java.util.ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.add(value(result, c));
                }
                rows.add(row);
            }
            return rows;
        }
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
            throws SQLException
    {
        Map<Integer, Object> answers = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query.sql())) {
            while (result.next()) {
                assertThat(answers.put(result.getInt(1), value(result, 2))).as(query.sql()).isNull();
            }
        }
        assertThat(answers.keySet()).as(query.sql()).containsExactlyInAnyOrder(1, 2);
        assertThat(ShapeQuery.matches(answers.get(1), query.first())).as("%s: group 1 gave %s, expected %s", query.sql(), answers.get(1), query.first()).isTrue();
        assertThat(ShapeQuery.matches(answers.get(2), query.second())).as("%s: group 2 gave %s, expected %s", query.sql(), answers.get(2), query.second()).isTrue();
    }

    /** The registered functions are exactly the catalog's, one per concrete signature. */
    @Test
    void registersExactlyTheCatalog()
    {
        Set<String> expected = new TreeSet<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                overload.sqlSignatures().forEach(types -> expected.add(function.name().toUpperCase() + types));
            }
        }
        Set<String> registered = KpiFunctions.all().entries().stream()
                .map(entry -> entry.getKey() + ((entry.getValue() instanceof KpiAggFunction aggregate) ? aggregate.signature().types() : ((KpiScalarFunction) entry.getValue()).signature().types()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(registered).isEqualTo(expected);
        assertThat(KpiFunctions.all().size()).isEqualTo(expected.size());
    }

    /** One call adds the functions to a plain Calcite connection, under its default lexical rules. */
    @Test
    void registerAddsTheFunctionsToAnyCalciteConnection()
            throws SQLException
    {
        try (Connection calcite = DriverManager.getConnection("jdbc:calcite:", new Properties())) {
            KpiFunctions.register(calcite.unwrap(CalciteConnection.class).getRootSchema());
            try (Statement statement = calcite.createStatement();
                    ResultSet result = statement.executeQuery("SELECT nps(score), NPS(score) FROM (VALUES (9), (10), (3), (7)) AS t(score)")) {
                assertThat(result.next()).isTrue();
                // (2 promoters - 1 detractor) / 4 responses
                assertThat(result.getDouble(1)).isEqualTo(25.0);
                assertThat(result.getDouble(2)).isEqualTo(25.0);
            }
        }
    }

    /** Function names match in any case in the engine's connections. */
    @Test
    void namesWorkInAnyCase()
            throws SQLException
    {
        assertThat(query("SELECT Nps(score) FROM (VALUES (9), (10), (3), (7)) AS t(score)")).containsExactly(25.0);
        assertThat(query("SELECT \"nps\"(score) FROM (VALUES (9), (10), (3), (7)) AS t(score)")).containsExactly(25.0);
    }
}

package dev.kpisql.calcite;

import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * What clients discover through {@code jdbc:kpi:}: {@code SHOW FUNCTIONS} and JDBC's function
 * metadata list exactly the catalog (every function, every concrete signature, with the catalog's
 * descriptions and argument names), the product is kpi-sql, unnamed columns are {@code _col0} ….
 * The expected listings are built here from {@link Catalog#functions()} with Trino's spelling of
 * each type written out; TestEmbeddedAgreesWithTrino (trino-plugin) compares the same listing with
 * a real Trino's.
 */
@TestInstance(PER_CLASS)
final class KpiMetadataTest
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

    /** One SHOW FUNCTIONS row, as the catalog decides it. */
    private record Row(String function, String returnType, String argumentTypes, String functionType, boolean deterministic, String description) {}

    /** How Trino spells a catalog type as the embedded engine registers it (TIMESTAMP at millisecond precision). */
    private static String trinoSpelling(SqlType type)
    {
        return switch (type.name()) {
            case "BIGINT" -> "bigint";
            case "DOUBLE" -> "double";
            case "VARCHAR" -> "varchar";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp(3)";
            // a type added by another function family: spelled by TrinoTypeNames, which
            // TrinoTypeNamesTest holds to Trino's spelling of arrays, rows and intervals
            default -> TrinoTypeNames.of(KpiSignature.relType(new JavaTypeFactoryImpl(), type));
        };
    }

    /** A function's return type in Trino's spelling; a ROW from the catalog's fields, as Trino writes a row type. */
    private static String returnSpelling(KpiFunction function)
    {
        if (function.returnType() != SqlType.ROW) {
            return trinoSpelling(function.returnType());
        }
        JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
        return TrinoTypeNames.of(types.createStructType(
                function.fields().stream().map(field -> KpiSignature.relType(types, field.type())).toList(),
                function.fields().stream().map(field -> field.name()).toList()));
    }

    /** Every concrete signature of every catalog overload, in Trino's order. */
    private static List<Row> catalogRows()
    {
        List<Row> rows = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                for (List<SqlType> types : overload.sqlSignatures()) {
                    rows.add(new Row(function.name(), returnSpelling(function),
                            String.join(", ", types.stream().map(KpiMetadataTest::trinoSpelling).toList()),
                            function.kind().name().toLowerCase(Locale.ROOT), true, overload.description()));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::function).thenComparing(Row::returnType).thenComparing(Row::argumentTypes).thenComparing(Row::functionType));
        return rows;
    }

    private static List<Row> rows(ResultSet result)
            throws SQLException
    {
        List<Row> rows = new ArrayList<>();
        while (result.next()) {
            rows.add(new Row(result.getString(1), result.getString(2), result.getString(3), result.getString(4), result.getBoolean(5), result.getString(6)));
        }
        return rows;
    }

    private List<Row> show(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return rows(result);
        }
    }

    @Test
    void showFunctionsListsExactlyTheCatalogInTrinosColumnsAndOrder()
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW FUNCTIONS")) {
            ResultSetMetaData metadata = result.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int c = 1; c <= metadata.getColumnCount(); c++) {
                labels.add(metadata.getColumnLabel(c));
            }
            assertThat(labels).containsExactly("Function", "Return Type", "Argument Types", "Function Type", "Deterministic", "Description");
            assertThat(metadata.getColumnType(5)).isEqualTo(Types.BOOLEAN);
            assertThat(rows(result)).containsExactlyElementsOf(catalogRows());
        }
    }

    @Test
    void showFunctionsSpellsTypesAsTrino()
            throws SQLException
    {
        assertThat(show("SHOW FUNCTIONS LIKE 'avg_session_duration'")).containsExactly(new Row("avg_session_duration", "double", "timestamp(3), timestamp(3)", "aggregate", true,
                "Returns the average session duration in seconds"));
        assertThat(show("SHOW FUNCTIONS LIKE 'mrr_movement'")).extracting(Row::returnType, Row::argumentTypes, Row::functionType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("varchar", "double, double", "scalar"));
    }

    @Test
    void likeMatchesNamesInAnyCaseWithAnEscape()
            throws SQLException
    {
        assertThat(show("SHOW FUNCTIONS LIKE 'NPS'")).extracting(Row::function).containsExactly("nps", "nps");
        assertThat(show("show functions like 'nps\\_%' escape '\\'")).extracting(Row::function).containsOnly("nps_category", "nps_margin_of_error", "nps_difference_test");
        assertThat(show("SHOW FUNCTIONS LIKE '%rate' ")).extracting(Row::function).allMatch(name -> name.endsWith("rate")).contains("churn_rate", "open_rate");
        assertThat(show("SHOW FUNCTIONS LIKE 'no_such_%'")).isEmpty();
        // comments around it, as in a script, and a final semicolon
        assertThat(show("-- what is there?\nSHOW FUNCTIONS /* all of them */ LIKE 'ces';")).hasSize(4);
    }

    @Test
    void showFunctionsAnswersExecuteAndPreparedStatements()
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SHOW FUNCTIONS LIKE 'arppu'")).isTrue();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            try (ResultSet result = statement.getResultSet()) {
                assertThat(rows(result)).extracting(Row::argumentTypes).containsExactly("double, bigint", "double, varchar");
            }
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            // the same statement runs a query next
            try (ResultSet result = statement.executeQuery("SELECT 1 AS one")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt("one")).isEqualTo(1);
            }
        }
        try (PreparedStatement prepared = connection.prepareStatement("SHOW FUNCTIONS LIKE 'romi'")) {
            assertThat(prepared.getMetaData().getColumnLabel(1)).isEqualTo("Function");
            try (ResultSet result = prepared.executeQuery()) {
                assertThat(rows(result)).extracting(Row::function).containsExactly("romi");
            }
            assertThat(prepared.execute()).isTrue();
            assertThat(rows(prepared.getResultSet())).hasSize(1);
        }
        // what clients ask of any result set
        try (Statement statement = connection.createStatement()) {
            ResultSet result = statement.executeQuery("SHOW FUNCTIONS LIKE 'romi'");
            assertThat(result.isClosed()).isFalse();
            assertThat(result.next()).isTrue();
            assertThat(result.getObject(1, String.class)).isEqualTo("romi");
            assertThat(result.getObject("Deterministic", Boolean.class)).isTrue();
            assertThat(result.next()).isFalse();
            assertThat(result.next()).isFalse();
            result.close();
            assertThat(result.isClosed()).isTrue();
        }
    }

    @Test
    void showFunctionsOfAnotherFormIsASyntaxError()
    {
        for (String sql : List.of("SHOW FUNCTIONS FROM data", "SHOW FUNCTIONS LIKE nps", "SHOW FUNCTIONS LIKE 'n%' ESCAPE 'ab'")) {
            assertThatThrownBy(() -> show(sql)).as(sql).isInstanceOf(SQLException.class)
                    .matches(error -> KpiMetadata.SYNTAX_ERROR.equals(((SQLException) error).getSQLState()), "SQLSTATE 42000");
        }
        assertThatThrownBy(() -> show("SHOW FUNCTIONS FROM data")).hasMessage("SHOW FUNCTIONS takes an optional LIKE 'pattern' [ESCAPE 'c'],"
                + " e.g. SHOW FUNCTIONS LIKE 'nps%'; the KPI functions belong to no schema, so there is no FROM");
        assertThatThrownBy(() -> show("SHOW FUNCTIONS LIKE 'n%' ESCAPE 'ab'")).hasMessage("Escape string must be a single character");
    }

    /** JDBC's getFunctions: one row per signature, the catalog's description as REMARKS, and no Calcite internals. */
    @Test
    void getFunctionsListsExactlyTheCatalog()
            throws SQLException
    {
        List<String> expected = new ArrayList<>();
        for (Row row : catalogRows()) {
            expected.add(row.function() + " | " + row.function() + "(" + row.argumentTypes() + ") | " + row.description());
        }
        expected.sort(Comparator.naturalOrder());
        List<String> actual = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getFunctions(null, null, "%")) {
            while (result.next()) {
                assertThat(result.getString("FUNCTION_CAT")).isNull();
                assertThat(result.getString("FUNCTION_SCHEM")).isNull();
                assertThat(result.getShort("FUNCTION_TYPE")).isEqualTo((short) DatabaseMetaData.functionNoTable);
                actual.add(result.getString("FUNCTION_NAME") + " | " + result.getString("SPECIFIC_NAME") + " | " + result.getString("REMARKS"));
            }
        }
        // JDBC orders by name, then specific name
        assertThat(actual).containsExactlyElementsOf(expected);
        try (ResultSet result = connection.getMetaData().getFunctions(null, null, null)) {
            int rows = 0;
            while (result.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(expected.size());
        }
    }

    @Test
    void getFunctionsTakesJdbcPatterns()
            throws SQLException
    {
        DatabaseMetaData metadata = connection.getMetaData();
        assertThat(names(metadata.getFunctions(null, null, "nps" + metadata.getSearchStringEscape() + "_%"))).containsOnly("nps_category", "nps_margin_of_error", "nps_difference_test");
        assertThat(names(metadata.getFunctions(null, null, "ARPU"))).containsExactly("arpu", "arpu", "arpu");
        assertThat(names(metadata.getFunctions(null, "data", "nps"))).isEmpty();
        assertThat(names(metadata.getFunctions("elsewhere", null, "nps"))).isEmpty();
        assertThat(names(metadata.getFunctions(null, "", "nps"))).hasSize(2);
    }

    /** JDBC's getFunctionColumns: per signature the result at position 0, then each argument with the catalog's name and description. */
    @Test
    void getFunctionColumnsDescribesEveryArgumentOfEverySignature()
            throws SQLException
    {
        List<String> expected = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                for (List<SqlType> types : overload.sqlSignatures()) {
                    String specific = function.name() + "(" + String.join(", ", types.stream().map(KpiMetadataTest::trinoSpelling).toList()) + ")";
                    expected.add(specific + " 0 '' " + returnSpelling(function) + " return");
                    for (int i = 0; i < types.size(); i++) {
                        Argument argument = overload.arguments().get(i);
                        expected.add(specific + " " + (i + 1) + " '" + argument.name() + "' " + trinoSpelling(types.get(i)) + " " + argument.description());
                    }
                }
            }
        }
        List<String> actual = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getFunctionColumns(null, null, "%", "%")) {
            while (result.next()) {
                short kind = result.getShort("COLUMN_TYPE");
                assertThat(kind).isEqualTo((short) (result.getInt("ORDINAL_POSITION") == 0 ? DatabaseMetaData.functionReturn : DatabaseMetaData.functionColumnIn));
                assertThat(result.getString("IS_NULLABLE")).isEqualTo("YES");
                actual.add(result.getString("SPECIFIC_NAME") + " " + result.getInt("ORDINAL_POSITION") + " '" + result.getString("COLUMN_NAME") + "' "
                        + result.getString("TYPE_NAME") + " " + (kind == DatabaseMetaData.functionReturn ? "return" : result.getString("REMARKS")));
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void getFunctionColumnsGivesJdbcTypes()
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getFunctionColumns(null, null, "avg_session_duration", null)) {
            while (result.next()) {
                columns.add(result.getInt("ORDINAL_POSITION") + " " + result.getString("COLUMN_NAME") + " " + result.getInt("DATA_TYPE") + " " + result.getInt("PRECISION"));
            }
        }
        assertThat(columns).containsExactly("0  " + Types.DOUBLE + " 0", "1 session_start " + Types.TIMESTAMP + " 3", "2 session_end " + Types.TIMESTAMP + " 3");
        try (ResultSet result = connection.getMetaData().getFunctionColumns(null, null, "arpu", "user%")) {
            List<String> names = new ArrayList<>();
            while (result.next()) {
                names.add(result.getString("SPECIFIC_NAME") + " " + result.getString("COLUMN_NAME"));
            }
            assertThat(names).containsExactly("arpu(double, bigint) user_id", "arpu(double, varchar) user_id");
        }
    }

    @Test
    void theProductIsKpiSqlOnCalcite()
            throws SQLException
    {
        DatabaseMetaData metadata = connection.getMetaData();
        String calcite;
        try (Connection plain = DriverManager.getConnection("jdbc:calcite:", new Properties())) {
            calcite = plain.getMetaData().getDatabaseProductVersion();
        }
        assertThat(metadata.getDatabaseProductName()).isEqualTo("kpi-sql");
        assertThat(metadata.getDatabaseProductVersion()).matches("\\d+\\.\\d+\\.\\d+ \\(Apache Calcite \\Q" + calcite + "\\E\\)");
        assertThat(metadata.getDriverName()).isEqualTo("kpi-sql JDBC driver");
        assertThat(metadata.getDriverVersion()).isEqualTo(metadata.getDatabaseProductVersion().substring(0, metadata.getDatabaseProductVersion().indexOf(' ')));
        assertThat(metadata.getDriverVersion()).startsWith(metadata.getDriverMajorVersion() + "." + metadata.getDriverMinorVersion() + ".");
        assertThat(metadata.getConnection()).isNotNull();
        // the tables are still Calcite's own listing
        try (ResultSet schemas = metadata.getSchemas()) {
            assertThat(schemas.next()).isTrue();
        }
    }

    @Test
    void unnamedColumnsAreLabelledAsInTrino()
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT nps(score), count(*) AS responses, min(score) FROM (VALUES (9), (10), (3)) AS t(score)")) {
            ResultSetMetaData metadata = result.getMetaData();
            assertThat(List.of(metadata.getColumnLabel(1), metadata.getColumnLabel(2), metadata.getColumnLabel(3))).containsExactly("_col0", "responses", "_col2");
            assertThat(metadata.getColumnName(1)).isEqualTo("_col0");
            assertThat(result.next()).isTrue();
            assertThat(result.getDouble("_col0")).isEqualTo(100.0 / 3);
            assertThat(result.getInt("_col2")).isEqualTo(3);
            assertThat(result.findColumn("_col2")).isEqualTo(3);
            // Calcite's own label still finds it
            assertThat(result.getInt("EXPR$2")).isEqualTo(3);
        }
        try (PreparedStatement prepared = connection.prepareStatement("SELECT 1 AS \"_col0\", 2")) {
            assertThat(prepared.getMetaData().getColumnLabel(2)).isEqualTo("_col1");
            try (ResultSet result = prepared.executeQuery()) {
                assertThat(result.next()).isTrue();
                // a column that is really called _col0 is that column
                assertThat(result.getInt("_col0")).isEqualTo(1);
                assertThat(result.getInt("_col1")).isEqualTo(2);
            }
        }
    }

    private static List<String> names(ResultSet result)
            throws SQLException
    {
        List<String> names = new ArrayList<>();
        try (result) {
            while (result.next()) {
                names.add(result.getString("FUNCTION_NAME"));
            }
        }
        return names;
    }
}

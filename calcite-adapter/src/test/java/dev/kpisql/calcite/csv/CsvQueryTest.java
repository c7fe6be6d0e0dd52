package dev.kpisql.calcite.csv;

import dev.kpisql.calcite.parallel.PlanComparison;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The CSV tables through a plain Calcite JDBC connection, configured as the engine configures it. */
final class CsvQueryTest
{
    @TempDir
    Path directory;

    private Connection connection;

    @BeforeEach
    void writeFiles()
            throws IOException
    {
        write("orders.csv",
                "id,day,amount,customer,paid",
                "1,2025-01-01,10.5,a,true",
                "2,2025-01-02,20,b,false",
                "3,2025-01-03,,c,true",
                "4,2025-01-02,5.25,a,true",
                "5,,100,b,");
        write("Customers.csv",
                "customer,name",
                "a,Ada",
                "b,\"Bob, Jr.\"",
                "c,Cy");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("events.csv.gz")))) {
            out.write(String.join("\n",
                    "at,user_id",
                    "2025-01-01 23:59:59.999,1",
                    "2025-01-02T10:00:00,2",
                    "2025-01-02,3",
                    "2025-01-03 08:30:00.5,1").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void write(String name, String... lines)
            throws IOException
    {
        Files.write(directory.resolve(name), List.of(lines));
    }

    private Connection connect()
            throws SQLException
    {
        if (connection == null) {
            Properties properties = new Properties();
            properties.setProperty("caseSensitive", "false");
            properties.setProperty("unquotedCasing", "UNCHANGED");
            properties.setProperty("quotedCasing", "UNCHANGED");
            // Calcite's default parser reserves DAY and AT, common column names; Babel does not
            properties.setProperty("parserFactory", "org.apache.calcite.sql.parser.babel.SqlBabelParserImpl#FACTORY");
            connection = DriverManager.getConnection("jdbc:calcite:", properties);
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            calcite.getRootSchema().add("data", new CsvSchema(directory));
            calcite.setSchema("data");
        }
        return connection;
    }

    @AfterEach
    void close()
            throws SQLException
    {
        if (connection != null) {
            connection.close();
        }
    }

    private List<List<Object>> query(String sql)
            throws SQLException
    {
        return PlanComparison.rows(connect(), sql);
    }

    @Test
    void filtersOnADateAndSumsADoubleIgnoringNulls()
            throws SQLException
    {
        // days 2025-01-02, -03, -02: ids 2, 3, 4; id 5 has no day; id 3 has no amount
        assertThat(query("SELECT count(*), sum(amount) FROM ORDERS WHERE day >= DATE '2025-01-02'"))
                .containsExactly(List.of(3L, 25.25));
    }

    @Test
    void emptyFieldsAreNullInSql()
            throws SQLException
    {
        assertThat(query("SELECT count(*), count(day), count(amount), count(paid), count(*) FILTER (WHERE paid IS NULL) FROM orders"))
                .containsExactly(List.of(5L, 4L, 4L, 4L, 1L));
    }

    @Test
    void groupsByTextOnABooleanFilter()
            throws SQLException
    {
        // paid: ids 1 (a, 10.5), 3 (c, no amount), 4 (a, 5.25)
        assertThat(query("SELECT customer, sum(amount) FROM orders WHERE paid GROUP BY customer ORDER BY customer"))
                .containsExactly(List.of("a", 15.75), Arrays.asList("c", null));
    }

    @Test
    void tableAndColumnNamesMatchInAnyCase()
            throws SQLException
    {
        assertThat(query("SELECT C.NAME, count(*) FROM Orders o JOIN CUSTOMERS c ON o.Customer = c.customer GROUP BY c.name ORDER BY c.name"))
                .containsExactly(List.of("Ada", 2L), List.of("Bob, Jr.", 2L), List.of("Cy", 1L));
    }

    @Test
    void columnsHaveTheInferredSqlTypes()
            throws SQLException
    {
        try (Statement statement = connect().createStatement(); ResultSet result = statement.executeQuery("SELECT * FROM orders")) {
            List<String> types = new ArrayList<>();
            for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                types.add(result.getMetaData().getColumnTypeName(c));
            }
            assertThat(types).containsExactly("BIGINT", "DATE", "DOUBLE", "VARCHAR", "BOOLEAN");
        }
    }

    @Test
    void datesCompareAndPrintAsWrittenInTheFile()
            throws SQLException
    {
        assertThat(query("SELECT CAST(min(day) AS VARCHAR), CAST(max(day) AS VARCHAR), count(*) FILTER (WHERE day = DATE '2025-01-02') FROM orders"))
                .containsExactly(List.of("2025-01-01", "2025-01-03", 2L));
    }

    @Test
    void gzippedTimestampsKeepMillisecondsAndDatesAreMidnight()
            throws SQLException
    {
        assertThat(query("SELECT count(*) FROM events WHERE at < TIMESTAMP '2025-01-02 10:00:00'"))
                .containsExactly(List.of(2L));
        assertThat(query("SELECT count(*) FROM events WHERE at = TIMESTAMP '2025-01-01 23:59:59.999'"))
                .containsExactly(List.of(1L));
        assertThat(query("SELECT count(*) FROM events WHERE at = TIMESTAMP '2025-01-02 00:00:00'"))
                .containsExactly(List.of(1L));
        assertThat(query("SELECT user_id, EXTRACT(HOUR FROM at), EXTRACT(MINUTE FROM at), EXTRACT(SECOND FROM at) FROM events WHERE at > TIMESTAMP '2025-01-03 00:00:00'"))
                .containsExactly(List.of(1L, 8L, 30L, 0L));
        // not CAST(at AS VARCHAR): Calcite 1.42 prints a TIMESTAMP(3) without its fraction
        assertThat(query("SELECT EXTRACT(MILLISECOND FROM max(at)), EXTRACT(MILLISECOND FROM min(at)) FROM events"))
                .containsExactly(List.of(500L, 59_999L));
    }

    @Test
    void aBadValueDuringAQueryIsInTheCausesOfTheSqlException()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("n"));
        for (int row = 1; row <= CsvTable.INFERENCE_ROWS; row++) {
            lines.add(Integer.toString(row));
        }
        lines.add("oops");
        Files.write(directory.resolve("late.csv"), lines);

        Throwable error = catchThrowable(() -> query("SELECT sum(n) FROM late"));

        assertThat(error).isInstanceOf(SQLException.class);
        assertThat(causes(error))
                .filteredOn(CsvException.class::isInstance)
                .first()
                .extracting(Throwable::getMessage)
                .isEqualTo("late.csv: line 10002, column 'n': 'oops' is not a BIGINT");
    }

    @Test
    void aBrokenFileFailsOnlyTheQueriesThatReadIt()
            throws IOException, SQLException
    {
        write("broken.csv", "a,b", "1,2", "3");

        Throwable error = catchThrowable(() -> query("SELECT * FROM broken"));

        assertThat(error).isInstanceOf(SQLException.class);
        assertThat(causes(error))
                .filteredOn(CsvException.class::isInstance)
                .first()
                .extracting(Throwable::getMessage)
                .isEqualTo("broken.csv: line 3 has 1 field, the header has 2");
        assertThat(query("SELECT count(*) FROM orders")).containsExactly(List.of(5L));
    }

    private static List<Throwable> causes(Throwable error)
    {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = error; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}

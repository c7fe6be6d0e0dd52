package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.KpiEngine;
import dev.kpisql.calcite.csv.CsvOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a query with the parallel aggregation and without it (Calcite's own plan, the reference)
 * and compares: both answer the same rows — DOUBLEs within 1e-12 relative (contract C6 allows
 * the last bits of floating sums to differ), everything else exactly — or both fail with the same
 * message and SQLSTATE.
 */
public final class PlanComparison
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    final Connection parallel;
    final Connection calcite;

    private PlanComparison(Connection parallel, Connection calcite)
    {
        this.parallel = parallel;
        this.calcite = calcite;
    }

    /**
     * Connections over {@code directory}: one with the rule, on {@code threads} threads over
     * byte ranges of {@code splitBytes} (0: the engine's choice), and one without it.
     */
    static PlanComparison over(Path directory, int threads, long splitBytes, boolean cache)
            throws SQLException
    {
        return new PlanComparison(connect(directory, true, threads, splitBytes, cache), connect(directory, false, threads, splitBytes, cache));
    }

    static Connection connect(Path directory, boolean pushdown, int threads, long splitBytes, boolean cache)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty(CsvOptions.PUSHDOWN, Boolean.toString(pushdown));
        properties.setProperty(CsvOptions.THREADS, Integer.toString(threads));
        if (splitBytes > 0) {
            properties.setProperty(CsvOptions.SPLIT_BYTES, Long.toString(splitBytes));
        }
        properties.setProperty(CsvOptions.CACHE, Boolean.toString(cache));
        return KpiEngine.connect(directory, properties);
    }

    void close()
            throws SQLException
    {
        parallel.close();
        calcite.close();
    }

    /** What a query gave: its rows, or the message and SQLSTATE of its error. */
    record Outcome(List<List<Object>> rows, String error, String state)
    {
        boolean failed()
        {
            return error != null;
        }
    }

    static Outcome run(Connection connection, String sql)
    {
        try {
            return new Outcome(rows(connection, sql), null, null);
        }
        catch (SQLException e) {
            return new Outcome(null, e.getMessage(), e.getSQLState());
        }
        catch (AssertionError e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /** The rows of a query, each column's value as JDBC's {@code getObject} gives it. */
    public static List<List<Object>> rows(Connection connection, String sql)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = result.getObject(c + 1);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    /** Whether the parallel connection's plan of {@code sql} aggregates in the scan. */
    boolean pushedDown(String sql)
            throws SQLException
    {
        return plan(parallel, sql).contains("ParallelAggregate");
    }

    static String plan(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Asserts that both plans give the same outcome; the parallel one. */
    Outcome assertSame(String sql)
    {
        Outcome expected = run(calcite, sql);
        Outcome actual = run(parallel, sql);
        if (expected.failed()) {
            assertThat(actual.error()).as("%s failed in Calcite's plan with '%s'; in the parallel plan it gave %s", sql, expected.error(), actual.rows())
                    .isEqualTo(expected.error());
            assertThat(actual.state()).as(sql).isEqualTo(expected.state());
            return actual;
        }
        assertThat(actual.failed()).as("%s failed in the parallel plan: %s", sql, actual.error()).isFalse();
        assertThat(same(actual.rows(), expected.rows())).as("%s gave%n  %s%nin the parallel plan and%n  %s%nin Calcite's", sql, actual.rows(), expected.rows()).isTrue();
        return actual;
    }

    static boolean same(List<List<Object>> actual, List<List<Object>> expected)
    {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int r = 0; r < actual.size(); r++) {
            List<Object> a = actual.get(r);
            List<Object> e = expected.get(r);
            if (a.size() != e.size()) {
                return false;
            }
            for (int c = 0; c < a.size(); c++) {
                if (!same(a.get(c), e.get(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean same(Object actual, Object expected)
    {
        if (actual instanceof Double x && expected instanceof Double y) {
            if (x.isNaN() || y.isNaN() || x.isInfinite() || y.isInfinite()) {
                return x.equals(y);
            }
            return Math.abs(x - y) <= Math.max(Math.abs(y) * 1e-12, Double.MIN_NORMAL);
        }
        if (actual instanceof Struct x && expected instanceof Struct y) {
            // a ROW: its fields, in order
            try {
                return same(Arrays.asList(Arrays.asList(x.getAttributes())), Arrays.asList(Arrays.asList(y.getAttributes())));
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return Objects.equals(actual, expected);
    }

    /** Writes {@code rows} under {@code header} as a CSV file: strings quoted, NULL an empty field. */
    static void writeCsv(Path file, List<String> header, List<List<Object>> rows)
            throws IOException
    {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                csv.append(c == 0 ? "" : ",").append(csvField(row.get(c)));
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
    }

    /** A value as the CSV reader reads it back as the same value, or null when it cannot. */
    static String csvField(Object value)
    {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp);
        }
        return value.toString();
    }

    /** Whether the CSV reader reads {@link #csvField} of the value back exactly (TIMESTAMPs have milliseconds). */
    static boolean writable(Object value)
    {
        // an ARRAY (a List) or an INTERVAL (a Duration) has no CSV form
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.getNano() % 1_000_000 == 0;
        }
        return value == null || value instanceof Number || value instanceof String || value instanceof Boolean || value instanceof LocalDate;
    }
}

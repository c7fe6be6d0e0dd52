package dev.kpisql.bench;

import dev.kpisql.calcite.KpiEngine;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The embedded engine's KPI functions against the plain SQL they replace, in one run: over a
 * generated in-memory table (rows per second, ratio to the plain SQL and to {@code avg(amount)},
 * the floor of a one-pass aggregate) and the CSV scan rate over a generated file (MB/s, one
 * core). Each query: one warm-up, then the median of five runs. Run: {@code ./kpi bench embedded
 * [--rows N] [--csv-mb M]}.
 */
public final class EmbeddedBenchmark
{
    private static final int RUNS = 5;

    /** A KPI query, the plain SQL it replaces, over table {@code t}. */
    record Pair(String name, String kpi, String plain) {}

    /** Standard SQL that Calcite and DuckDB both run: CASE rather than count_if, NULLIF for zero denominators. */
    static final List<Pair> PAIRS = List.of(
            new Pair("nps", "SELECT nps(score) FROM t",
                    "SELECT 100.0 * (SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END)) / COUNT(score) FROM t"),
            new Pair("csat", "SELECT csat(csat_score) FROM t",
                    "SELECT 100.0 * SUM(CASE WHEN csat_score >= 4 THEN 1 ELSE 0 END) / COUNT(csat_score) FROM t"),
            new Pair("ces", "SELECT ces(csat_score) FROM t", "SELECT AVG(CAST(csat_score AS DOUBLE)) FROM t"),
            new Pair("churn_rate(start, lost)", "SELECT churn_rate(start_customers, lost_customers) FROM t",
                    "SELECT 100.0 * SUM(lost_customers) / NULLIF(SUM(start_customers), 0) FROM t"),
            new Pair("churn_rate(churned)", "SELECT churn_rate(churned) FROM t",
                    "SELECT 100.0 * SUM(CASE WHEN churned THEN 1 ELSE 0 END) / COUNT(churned) FROM t"),
            new Pair("mrr(amount)", "SELECT mrr(amount) FROM t", "SELECT SUM(amount) FROM t"),
            new Pair("mrr(amount, billing_period)", "SELECT mrr(amount, billing_period) FROM t",
                    "SELECT SUM(CASE billing_period WHEN 'month' THEN amount WHEN 'annual' THEN amount / 12 END) FROM t"),
            new Pair("arpu(revenue)", "SELECT arpu(amount) FROM t", "SELECT AVG(amount) FROM t"),
            new Pair("arpu(revenue, user_id)", "SELECT arpu(amount, user_id) FROM t",
                    "SELECT SUM(amount) / COUNT(DISTINCT user_id) FROM t"),
            new Pair("arppu", "SELECT arppu(amount, user_id) FROM t",
                    "SELECT SUM(amount) / COUNT(DISTINCT CASE WHEN amount > 0 THEN user_id END) FROM t"),
            new Pair("new_mrr", "SELECT new_mrr(previous_mrr, current_mrr) FROM t",
                    "SELECT SUM(CASE WHEN previous_mrr = 0 AND current_mrr > 0 THEN current_mrr ELSE 0 END) FROM t"),
            new Pair("net_new_mrr", "SELECT net_new_mrr(previous_mrr, current_mrr) FROM t", "SELECT SUM(current_mrr - previous_mrr) FROM t"),
            new Pair("net_revenue_retention", "SELECT net_revenue_retention(previous_mrr, current_mrr) FROM t",
                    "SELECT 100.0 * SUM(CASE WHEN previous_mrr > 0 THEN current_mrr END) / NULLIF(SUM(CASE WHEN previous_mrr > 0 THEN previous_mrr END), 0) FROM t"),
            new Pair("saas_quick_ratio", "SELECT saas_quick_ratio(previous_mrr, current_mrr) FROM t",
                    "SELECT SUM(CASE WHEN current_mrr > previous_mrr THEN current_mrr - previous_mrr ELSE 0 END)"
                            + " / NULLIF(SUM(CASE WHEN current_mrr < previous_mrr THEN previous_mrr - current_mrr ELSE 0 END), 0) FROM t"),
            new Pair("cac", "SELECT cac(amount, start_customers) FROM t", "SELECT SUM(amount) / NULLIF(SUM(start_customers), 0) FROM t"),
            new Pair("dau_mau", "SELECT dau_mau(user_id, activity_date) FROM t",
                    "SELECT 100.0 * p.pairs / ((u.last_day - u.first_day + 1) * u.users) "
                            + "FROM (SELECT COUNT(*) AS pairs FROM (SELECT DISTINCT user_id, activity_date FROM t) AS d) AS p, "
                            + "(SELECT COUNT(DISTINCT user_id) AS users, MIN(day_number) AS first_day, MAX(day_number) AS last_day FROM t) AS u"),
            new Pair("approx_dau_mau (plain: the exact SQL)", "SELECT approx_dau_mau(user_id, activity_date) FROM t",
                    "SELECT 100.0 * p.pairs / ((u.last_day - u.first_day + 1) * u.users) "
                            + "FROM (SELECT COUNT(*) AS pairs FROM (SELECT DISTINCT user_id, activity_date FROM t) AS d) AS p, "
                            + "(SELECT COUNT(DISTINCT user_id) AS users, MIN(day_number) AS first_day, MAX(day_number) AS last_day FROM t) AS u"),
            new Pair("sessions_per_user", "SELECT sessions_per_user(session_id, user_id) FROM t",
                    "SELECT CAST(COUNT(DISTINCT session_id) AS DOUBLE) / COUNT(DISTINCT user_id) FROM t"),
            new Pair("pages_per_session", "SELECT pages_per_session(session_id) FROM t",
                    "SELECT CAST(COUNT(*) AS DOUBLE) / COUNT(DISTINCT session_id) FROM t"),
            new Pair("bounce_rate", "SELECT bounce_rate(pageviews) FROM t",
                    "SELECT 100.0 * SUM(CASE WHEN pageviews = 1 THEN 1 ELSE 0 END) / COUNT(pageviews) FROM t"),
            new Pair("feature_adoption_rate", "SELECT feature_adoption_rate(user_id, churned) FROM t",
                    "SELECT 100.0 * COUNT(DISTINCT CASE WHEN churned THEN user_id END) / COUNT(DISTINCT user_id) FROM t"));

    private EmbeddedBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        int rows = 2_000_000;
        int csvMegabytes = 1024;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--csv-mb" -> csvMegabytes = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + ": use --rows N or --csv-mb M");
            }
        }
        System.out.printf(Locale.ROOT, "Java %s, %d cores, Calcite 1.42, DuckDB %s (threads = 1), %,d rows in memory%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), DUCKDB_VERSION, rows);
        List<Object[]> data = generate(rows);
        Path directory = Files.createTempDirectory("kpi-bench");
        Path copy = directory.resolve("t.csv");
        writeCsv(data, copy);
        try (Connection connection = KpiEngine.connect(null); Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            connection.unwrap(CalciteConnection.class).getRootSchema().add("t", new MemoryTable(data));
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("SET threads = 1");
                statement.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + copy + "', header = true, columns = " + DUCKDB_COLUMNS + ")");
            }
            double floor = median(connection, "SELECT avg(amount) FROM t");
            double duckdbFloor = median(duckdb, "SELECT avg(amount) FROM t");
            System.out.printf(Locale.ROOT, "%-38s %8s %8s %12s %9s %8s %10s %10s%n", "function", "kpi ms", "plain ms", "kpi rows/s", "kpi/plain", "kpi/avg", "duckdb ms", "kpi/duckdb");
            System.out.printf(Locale.ROOT, "%-38s %8.0f %8s %12s %9s %8s %10.0f %10.2f%n", "avg(amount) (floor)", floor, "", rate(rows, floor), "", "1.00", duckdbFloor, floor / duckdbFloor);
            for (Pair pair : PAIRS) {
                double kpi = median(connection, pair.kpi());
                double plain = median(connection, pair.plain());
                double duck = median(duckdb, pair.plain());
                System.out.printf(Locale.ROOT, "%-38s %8.0f %8.0f %12s %9.2f %8.2f %10.0f %10.2f%n", pair.name(), kpi, plain, rate(rows, kpi), kpi / plain, kpi / floor, duck, kpi / duck);
            }
        }
        finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(directory);
        }
        data = null;
        if (csvMegabytes > 0) {
            scanCsv(csvMegabytes);
        }
    }

    private static String rate(int rows, double millis)
    {
        return String.format(Locale.ROOT, "%,.0f", rows / (millis / 1000));
    }

    /** The columns of the generated table, in order. */
    static final String[] COLUMNS = {"score", "csat_score", "user_id", "session_id", "activity_date", "day_number", "amount", "previous_mrr", "current_mrr",
            "billing_period", "churned", "pageviews", "start_customers", "lost_customers"};
    private static final SqlTypeName[] TYPES = {SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.DATE, SqlTypeName.BIGINT,
            SqlTypeName.DOUBLE, SqlTypeName.DOUBLE, SqlTypeName.DOUBLE, SqlTypeName.VARCHAR, SqlTypeName.BOOLEAN, SqlTypeName.BIGINT, SqlTypeName.BIGINT, SqlTypeName.BIGINT};
    private static final String DUCKDB_VERSION = "2.0.0";

    /** The same columns for DuckDB's read_csv. */
    private static final String DUCKDB_COLUMNS;

    static {
        StringBuilder columns = new StringBuilder("{");
        for (int i = 0; i < COLUMNS.length; i++) {
            columns.append(i == 0 ? "" : ", ").append('\'').append(COLUMNS[i]).append("': '").append(TYPES[i].getName()).append('\'');
        }
        DUCKDB_COLUMNS = columns.append('}').toString();
    }

    /**
     * Rows of {@link #COLUMNS}: skewed users (half the rows from 1,000 heavy users), a year of
     * days, MRR pairs with new, churned, expanding and contracting customers, 1 in 20 flags true.
     */
    static List<Object[]> generate(int rows)
    {
        Random random = new Random(42);
        int firstDay = (int) LocalDate.of(2025, 1, 1).toEpochDay();
        List<Object[]> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            long user = random.nextBoolean() ? random.nextInt(1_000) : random.nextInt(200_000);
            long session = user * 16 + random.nextInt(16);
            int day = firstDay + random.nextInt(365);
            double previous = random.nextInt(10) == 0 ? 0.0 : random.nextInt(50_000) / 100.0;
            int movement = random.nextInt(10);
            double current = movement == 0 ? 0.0 : movement < 4 ? previous : random.nextInt(50_000) / 100.0;
            String period = random.nextInt(4) == 0 ? "annual" : "month";
            long pageviews = 1 + (long) (random.nextDouble() * random.nextDouble() * 10);
            data.add(new Object[] {(long) random.nextInt(11), 1L + random.nextInt(5), user, session, day, (long) day, random.nextInt(100_000) / 100.0,
                    previous, current, period, random.nextInt(20) == 0, pageviews, 100L + random.nextInt(900), (long) random.nextInt(50)});
        }
        return data;
    }

    private static void writeCsv(List<Object[]> data, Path file)
            throws IOException
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            StringBuilder line = new StringBuilder();
            for (Object[] row : data) {
                line.setLength(0);
                for (int i = 0; i < row.length; i++) {
                    line.append(i == 0 ? "" : ",").append(TYPES[i] == SqlTypeName.DATE ? LocalDate.ofEpochDay((Integer) row[i]).toString() : String.valueOf(row[i]));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    private static double median(Connection connection, String sql)
            throws SQLException
    {
        run(connection, sql);
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run(connection, sql);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private static void run(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                result.getObject(1);
            }
        }
    }

    /** Writes a CSV of about {@code megabytes} and reads it through the engine: MB/s on one core. */
    private static void scanCsv(int megabytes)
            throws IOException, SQLException
    {
        Path directory = Files.createTempDirectory("kpi-bench");
        Path file = directory.resolve("big.csv");
        Random random = new Random(7);
        long target = megabytes * 1024L * 1024L;
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("score,user_id,activity_date,amount,churned\n");
            long written = 0;
            StringBuilder line = new StringBuilder();
            while (written < target) {
                line.setLength(0);
                line.append(random.nextInt(11)).append(',').append(random.nextInt(200_000)).append(',')
                        .append(LocalDate.ofEpochDay(20_089 + random.nextInt(365))).append(',')
                        .append(random.nextInt(100_000) / 100.0).append(',').append(random.nextInt(20) == 0).append('\n');
                out.write(line.toString());
                written += line.length();
                rows++;
            }
        }
        double size = Files.size(file) / (1024.0 * 1024.0);
        try (Connection connection = KpiEngine.connect(directory); Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            String sql = "SELECT count(*), sum(amount), nps(score) FROM big";
            double seconds = seconds(connection, sql);
            System.out.printf(Locale.ROOT, "%nCSV scan: %.0f MB, %,d rows%n", size, rows);
            System.out.printf(Locale.ROOT, "  kpi-sql embedded (one core): %s in %.1f s: %.1f MB/s, %,.0f rows/s%n", sql, seconds, size / seconds, rows / seconds);
            String plain = "SELECT count(*), sum(amount), 100.0 * (SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END)) / COUNT(score)"
                    + " FROM read_csv('" + file + "', header = true, columns = {'score': 'BIGINT', 'user_id': 'BIGINT', 'activity_date': 'DATE', 'amount': 'DOUBLE', 'churned': 'BOOLEAN'})";
            for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("SET threads = " + threads);
                }
                double duck = seconds(duckdb, plain);
                System.out.printf(Locale.ROOT, "  DuckDB read_csv, plain SQL (threads = %d): %.1f s: %.1f MB/s; kpi-sql / DuckDB time: %.2f%n", threads, duck, size / duck, seconds / duck);
            }
        }
        finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    /** Seconds of one run, the file already in the page cache (the first run reads it). */
    private static double seconds(Connection connection, String sql)
            throws SQLException
    {
        run(connection, sql);
        long start = System.nanoTime();
        run(connection, sql);
        return (System.nanoTime() - start) / 1e9;
    }

    /** A table of generated rows held in memory, scanned as Calcite's internal values. */
    private static final class MemoryTable
            extends AbstractTable
            implements ScannableTable
    {
        private final List<Object[]> rows;

        MemoryTable(List<Object[]> rows)
        {
            this.rows = rows;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory)
        {
            RelDataTypeFactory.Builder builder = typeFactory.builder();
            for (int i = 0; i < COLUMNS.length; i++) {
                builder.add(COLUMNS[i], TYPES[i]);
            }
            return builder.build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root)
        {
            return Linq4j.asEnumerable(rows);
        }
    }
}

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

    static final List<Pair> PAIRS = List.of(
            new Pair("nps", "SELECT nps(score) FROM t",
                    "SELECT 100.0 * (SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END)) / COUNT(score) FROM t"),
            new Pair("churn_rate", "SELECT churn_rate(churned) FROM t",
                    "SELECT 100.0 * SUM(CASE WHEN churned THEN 1 ELSE 0 END) / COUNT(churned) FROM t"),
            new Pair("mrr", "SELECT mrr(amount) FROM t", "SELECT SUM(amount) FROM t"),
            new Pair("net_revenue_retention", "SELECT net_revenue_retention(previous_mrr, amount) FROM t",
                    "SELECT 100.0 * SUM(CASE WHEN previous_mrr > 0 THEN amount ELSE 0 END) / NULLIF(SUM(previous_mrr), 0) FROM t"),
            new Pair("arpu(revenue, user_id)", "SELECT arpu(amount, user_id) FROM t",
                    "SELECT SUM(amount) / COUNT(DISTINCT user_id) FROM t"),
            new Pair("dau_mau", "SELECT dau_mau(user_id, activity_date) FROM t",
                    "SELECT 100.0 * p.pairs / ((u.last_day - u.first_day + 1) * u.users) "
                            + "FROM (SELECT COUNT(*) AS pairs FROM (SELECT DISTINCT user_id, activity_date FROM t) AS d) AS p, "
                            + "(SELECT COUNT(DISTINCT user_id) AS users, MIN(day_number) AS first_day, MAX(day_number) AS last_day FROM t) AS u"),
            new Pair("approx_dau_mau", "SELECT approx_dau_mau(user_id, activity_date) FROM t",
                    "SELECT dau_mau(user_id, activity_date) FROM t"));

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
        System.out.printf(Locale.ROOT, "Java %s, %d cores, Calcite 1.42, %,d rows in memory%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), rows);
        List<Object[]> data = generate(rows);
        try (Connection connection = KpiEngine.connect(null)) {
            connection.unwrap(CalciteConnection.class).getRootSchema().add("t", new MemoryTable(data));
            double floor = median(connection, "SELECT avg(amount) FROM t");
            System.out.printf(Locale.ROOT, "%-24s %12s %12s %14s %10s %10s%n", "function", "kpi ms", "plain ms", "kpi rows/s", "kpi/plain", "kpi/avg");
            System.out.printf(Locale.ROOT, "%-24s %12.0f %12s %14s %10s %10s%n", "avg(amount) (floor)", floor, "", rate(rows, floor), "", "1.00");
            for (Pair pair : PAIRS) {
                double kpi = median(connection, pair.kpi());
                double plain = median(connection, pair.plain());
                System.out.printf(Locale.ROOT, "%-24s %12.0f %12.0f %14s %10.2f %10.2f%n", pair.name(), kpi, plain, rate(rows, kpi), kpi / plain, kpi / floor);
            }
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

    /** Rows of (score, user_id, activity_date, day_number, amount, previous_mrr, churned), skewed users. */
    static List<Object[]> generate(int rows)
    {
        Random random = new Random(42);
        int firstDay = (int) LocalDate.of(2025, 1, 1).toEpochDay();
        List<Object[]> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            long user = random.nextBoolean() ? random.nextInt(1_000) : random.nextInt(200_000);
            int day = firstDay + random.nextInt(365);
            double previous = random.nextInt(10) == 0 ? 0.0 : random.nextInt(50_000) / 100.0;
            data.add(new Object[] {(long) random.nextInt(11), user, day, (long) day, random.nextInt(100_000) / 100.0, previous, random.nextInt(20) == 0});
        }
        return data;
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
        try (Connection connection = KpiEngine.connect(directory)) {
            String sql = "SELECT count(*), sum(amount), nps(score) FROM big";
            long start = System.nanoTime();
            run(connection, sql);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%nCSV scan: %.0f MB, %,d rows, %s in %.1f s: %.1f MB/s, %,.0f rows/s%n", size, rows, sql, seconds, size / seconds, rows / seconds);
        }
        finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
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
            return typeFactory.builder()
                    .add("score", SqlTypeName.BIGINT)
                    .add("user_id", SqlTypeName.BIGINT)
                    .add("activity_date", SqlTypeName.DATE)
                    .add("day_number", SqlTypeName.BIGINT)
                    .add("amount", SqlTypeName.DOUBLE)
                    .add("previous_mrr", SqlTypeName.DOUBLE)
                    .add("churned", SqlTypeName.BOOLEAN)
                    .build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root)
        {
            return Linq4j.asEnumerable(rows);
        }
    }
}

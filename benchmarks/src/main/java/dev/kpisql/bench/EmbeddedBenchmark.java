package dev.kpisql.bench;

import dev.kpisql.calcite.KpiEngine;
import org.apache.calcite.sql.type.SqlTypeName;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The embedded engine against the plain SQL it replaces and against DuckDB, in one run, on every
 * thread count of {@link #threadCounts} (1, 2 and all cores):
 *
 * <ol>
 * <li><b>In memory</b>: a generated table of {@code --rows} rows, written as a CSV file whose
 * parsed columns the engine keeps after the first query (the columnar cache), and loaded into a
 * DuckDB table. For each function: the parallel engine on each thread count, the old plan (the
 * planner rule off, {@code kpi.pushdown=false}: Calcite's row-at-a-time operators over the same
 * kept columns, on all cores), the plain SQL in the engine, and the plain SQL in DuckDB on each
 * thread count. Each query is timed as a statement (planned every time, as an analyst's query
 * is) and, on each thread count, executed alone (prepared once: {@code exec}), which shows how
 * the execution scales without Calcite's planning, the same for every thread count.</li>
 * <li><b>CSV</b>: a generated file of about {@code --csv-mb} MB read again by every query (no
 * cache): KPI queries in the engine on each thread count and with the old plan, against the plain
 * SQL over DuckDB's {@code read_csv} with the same threads.</li>
 * </ol>
 *
 * Each query: one warm-up, then the median of five runs in memory and of three over the CSV
 * file. The tables are printed in Markdown. Run: {@code ./kpi bench embedded [--rows N] [--csv-mb M]
 * [--only TEXT[,TEXT…]]}: {@code --rows 0} skips the in-memory part, {@code --csv-mb 0} the CSV
 * file, and {@code --only} measures only the queries whose name contains one of the texts (as in
 * {@code ./kpi bench trino}).
 */
public final class EmbeddedBenchmark
{
    private static final int RUNS = 5;
    private static final int CSV_RUNS = 3;

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

    /** KPI queries over the CSV file, and the plain SQL that DuckDB runs over {@code read_csv} (its {@code FROM} is added). */
    static final List<Pair> CSV_PAIRS = List.of(
            new Pair("count(*), sum(amount), nps(score)", "SELECT count(*), sum(amount), nps(score) FROM big",
                    "SELECT count(*), sum(amount), 100.0 * (SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END)) / COUNT(score)"),
            new Pair("nps", "SELECT nps(score) FROM big",
                    "SELECT 100.0 * (SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END)) / COUNT(score)"),
            new Pair("mrr(amount)", "SELECT mrr(amount) FROM big", "SELECT SUM(amount)"),
            new Pair("churn_rate(churned)", "SELECT churn_rate(churned) FROM big",
                    "SELECT 100.0 * SUM(CASE WHEN churned THEN 1 ELSE 0 END) / COUNT(churned)"),
            new Pair("nps by month", "SELECT EXTRACT(MONTH FROM activity_date), nps(score) FROM big GROUP BY EXTRACT(MONTH FROM activity_date)",
                    "SELECT EXTRACT(MONTH FROM activity_date), 100.0 * (SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END)) / COUNT(score)"),
            new Pair("arpu(revenue, user_id)", "SELECT arpu(amount, user_id) FROM big", "SELECT SUM(amount) / COUNT(DISTINCT user_id)"),
            new Pair("feature_adoption_rate", "SELECT feature_adoption_rate(user_id, churned) FROM big",
                    "SELECT 100.0 * COUNT(DISTINCT CASE WHEN churned THEN user_id END) / COUNT(DISTINCT user_id)"),
            new Pair("dau_mau", "SELECT dau_mau(user_id, activity_date) FROM big",
                    "SELECT 100.0 * COUNT(DISTINCT (user_id, activity_date)) / ((MAX(activity_date) - MIN(activity_date) + 1) * COUNT(DISTINCT user_id))"),
            new Pair("approx_dau_mau (DuckDB: the exact SQL)", "SELECT approx_dau_mau(user_id, activity_date) FROM big",
                    "SELECT 100.0 * COUNT(DISTINCT (user_id, activity_date)) / ((MAX(activity_date) - MIN(activity_date) + 1) * COUNT(DISTINCT user_id))"));

    private EmbeddedBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        int rows = 2_000_000;
        int csvMegabytes = 1024;
        String only = "";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--csv-mb" -> csvMegabytes = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + ": use --rows N, --csv-mb M or --only TEXT");
            }
        }
        int[] threads = threadCounts();
        System.out.printf(Locale.ROOT, "Java %s, %d cores, Calcite 1.42, DuckDB %s; thread counts %s; %s%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), DUCKDB_VERSION, Arrays.toString(threads),
                rows > 0 ? String.format(Locale.ROOT, "%,d rows in memory", rows) : "no in-memory part");
        if (rows > 0) {
            inMemory(rows, threads, only);
        }
        if (csvMegabytes > 0) {
            overCsv(csvMegabytes, threads, only);
        }
    }

    /** The in-memory part: writes the generated table, loads it into every engine, then runs {@link #inMemory(int, int[], List, Connection, Connection, String)}. */
    private static void inMemory(int rows, int[] threads, String only)
            throws IOException, SQLException
    {
        Path directory = Files.createTempDirectory("kpi-bench");
        Path copy = directory.resolve("t.csv");
        writeCsv(generate(rows), copy);
        List<Connection> engines = new ArrayList<>();
        try (Connection oldPlan = connect(directory, threads[threads.length - 1], false, true); Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (int t : threads) {
                engines.add(connect(directory, t, true, true));
            }
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + copy + "', header = true, columns = " + DUCKDB_COLUMNS + ")");
            }
            // the first query of each connection parses the file and keeps its columns
            for (Connection engine : engines) {
                run(engine, "SELECT count(*) FROM t");
            }
            run(oldPlan, "SELECT count(*) FROM t");
            inMemory(rows, threads, engines, oldPlan, duckdb, only);
        }
        finally {
            for (Connection engine : engines) {
                engine.close();
            }
            Files.deleteIfExists(copy);
            Files.deleteIfExists(directory);
        }
    }

    /** 1, 2 and the number of cores, as far as this machine has them. */
    static int[] threadCounts()
    {
        int cores = Runtime.getRuntime().availableProcessors();
        return IntStream.of(1, 2, cores).filter(t -> t <= cores).distinct().sorted().toArray();
    }

    private static Connection connect(Path directory, int threads, boolean pushdown, boolean cache)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("kpi.threads", Integer.toString(threads));
        properties.setProperty("kpi.pushdown", Boolean.toString(pushdown));
        properties.setProperty("kpi.cache", Boolean.toString(cache));
        return KpiEngine.connect(directory, properties);
    }

    private static void inMemory(int rows, int[] threads, List<Connection> engines, Connection oldPlan, Connection duckdb, String only)
            throws SQLException
    {
        int all = threads[threads.length - 1];
        StringBuilder head = new StringBuilder("| function |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int t : threads) {
            head.append(" kpi ").append(t).append("t ms |");
            rule.append("---:|");
        }
        head.append(" 1→").append(all).append("t |");
        rule.append("---:|");
        for (int t : threads) {
            head.append(" exec ").append(t).append("t ms |");
            rule.append("---:|");
        }
        head.append(" exec 1→").append(all).append("t | old plan ms | old/kpi | plain ms | kpi/plain |");
        rule.append("---:|---:|---:|---:|---:|");
        for (int t : threads) {
            head.append(" DuckDB ").append(t).append("t ms |");
            rule.append("---:|");
        }
        head.append(" kpi/DuckDB ").append(all).append("t | kpi rows/s ").append(all).append("t |");
        rule.append("---:|---:|");
        System.out.println("In memory: the engine's kept columns of the generated table, DuckDB's table of the same rows");
        System.out.println();
        System.out.println(head);
        System.out.println(rule);
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair("avg(amount) (floor)", "SELECT avg(amount) FROM t", "SELECT avg(amount) FROM t"));
        pairs.addAll(PAIRS);
        for (Pair pair : selected(pairs, only)) {
            double[] kpi = new double[threads.length];
            for (int i = 0; i < threads.length; i++) {
                kpi[i] = median(engines.get(i), pair.kpi(), RUNS);
            }
            double last = kpi[kpi.length - 1];
            double old = median(oldPlan, pair.kpi(), RUNS);
            double plain = median(engines.get(engines.size() - 1), pair.plain(), RUNS);
            StringBuilder line = new StringBuilder("| `").append(pair.name()).append("` |");
            for (double millis : kpi) {
                line.append(format(" %,.0f |", millis));
            }
            line.append(format(" %.2f× |", kpi[0] / last));
            double[] execution = new double[threads.length];
            for (int i = 0; i < threads.length; i++) {
                execution[i] = medianExecution(engines.get(i), pair.kpi(), RUNS);
                line.append(format(" %,.1f |", execution[i]));
            }
            line.append(format(" %.2f× | %,.0f | %.1f | %,.0f | %.2f |", execution[0] / execution[execution.length - 1], old, old / last, plain, last / plain));
            double duck = 0;
            for (int t : threads) {
                setThreads(duckdb, t);
                duck = median(duckdb, pair.plain(), RUNS);
                line.append(format(" %,.0f |", duck));
            }
            line.append(format(" %.2f | %s |", last / duck, rate(rows, last)));
            System.out.println(line);
        }
    }

    /**
     * Writes a CSV file of about {@code megabytes} and runs {@link #CSV_PAIRS} over it: the
     * engine reading the file again for every query (no cache) on each thread count and with the
     * old plan, DuckDB's {@code read_csv} on each thread count.
     */
    private static void overCsv(int megabytes, int[] threads, String only)
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
        int all = threads[threads.length - 1];
        String readCsv = " FROM read_csv('" + file + "', header = true, columns = {'score': 'BIGINT', 'user_id': 'BIGINT', 'activity_date': 'DATE', 'amount': 'DOUBLE', 'churned': 'BOOLEAN'})";
        System.out.printf(Locale.ROOT, "%nCSV: %.0f MB, %,d rows, read again by every query (kpi.cache=false); DuckDB's read_csv with the same threads%n%n", size, rows);
        StringBuilder head = new StringBuilder("| query |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int t : threads) {
            head.append(" kpi ").append(t).append("t s |");
            rule.append("---:|");
        }
        head.append(" 1→").append(all).append("t | old plan ").append(all).append("t s |");
        rule.append("---:|---:|");
        for (int t : threads) {
            head.append(" DuckDB ").append(t).append("t s | kpi/DuckDB ").append(t).append("t |");
            rule.append("---:|---:|");
        }
        head.append(" kpi MB/s ").append(all).append("t |");
        rule.append("---:|");
        System.out.println(head);
        System.out.println(rule);
        List<Connection> engines = new ArrayList<>();
        try (Connection oldPlan = connect(directory, all, false, false); Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (int t : threads) {
                engines.add(connect(directory, t, true, false));
            }
            for (Pair pair : selected(CSV_PAIRS, only)) {
                double[] kpi = new double[threads.length];
                StringBuilder line = new StringBuilder("| `").append(pair.name()).append("` |");
                for (int i = 0; i < threads.length; i++) {
                    kpi[i] = median(engines.get(i), pair.kpi(), CSV_RUNS) / 1000;
                    line.append(format(" %.2f |", kpi[i]));
                }
                double last = kpi[kpi.length - 1];
                line.append(format(" %.2f× | %.2f |", kpi[0] / last, median(oldPlan, pair.kpi(), CSV_RUNS) / 1000));
                String plain = pair.plain() + readCsv + (pair.kpi().contains("GROUP BY") ? " GROUP BY 1" : "");
                for (int i = 0; i < threads.length; i++) {
                    setThreads(duckdb, threads[i]);
                    double duck = median(duckdb, plain, CSV_RUNS) / 1000;
                    line.append(format(" %.2f | %.2f |", duck, kpi[i] / duck));
                }
                line.append(format(" %.0f |", size / last));
                System.out.println(line);
            }
        }
        finally {
            for (Connection engine : engines) {
                engine.close();
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    /** The pairs that {@code --only} keeps, as {@link TrinoBenchmark#selected} tells. */
    private static List<Pair> selected(List<Pair> pairs, String only)
    {
        return pairs.stream().filter(pair -> TrinoBenchmark.selected(pair.name(), only)).toList();
    }

    private static void setThreads(Connection duckdb, int threads)
            throws SQLException
    {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads = " + threads);
        }
    }

    private static String format(String pattern, Object... values)
    {
        return String.format(Locale.ROOT, pattern, values);
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

    /** Milliseconds: one warm-up, then the median of {@code runs}. */
    private static double median(Connection connection, String sql, int runs)
            throws SQLException
    {
        run(connection, sql);
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(connection, sql);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    /**
     * Milliseconds of executing {@code sql} alone: prepared once (parsed, validated, planned and
     * compiled), then one warm-up execution and the median of {@code runs}.
     */
    private static double medianExecution(Connection connection, String sql, int runs)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            execute(statement);
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                execute(statement);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            return millis[runs / 2];
        }
    }

    private static void execute(PreparedStatement statement)
            throws SQLException
    {
        try (ResultSet result = statement.executeQuery()) {
            drain(result);
        }
    }

    private static void run(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            drain(result);
        }
    }

    private static void drain(ResultSet result)
            throws SQLException
    {
        while (result.next()) {
            result.getObject(1);
        }
    }
}

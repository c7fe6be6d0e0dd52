package dev.kpisql.bench;

import io.trino.jdbc.QueryStats;
import io.trino.jdbc.TrinoStatement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The distinct-id KPIs, and one KPI of each one-pass family, in every data regime, each against
 * its best hand-written SQL in a real one-node Trino with the plugin:
 *
 * <ul>
 * <li><b>skew</b>: half the rows from 1,000 heavy users, half from up to 2,000,000 (the table of
 * {@link TrinoBenchmark}), no GROUP BY;</li>
 * <li><b>high cardinality</b>: users spread evenly over 2,000,000 ids and 365 days, so almost every
 * (user, day) pair and session is distinct, no GROUP BY;</li>
 * <li><b>by month</b>: the high-cardinality table, {@code GROUP BY month(day)} (12 groups);</li>
 * <li><b>many groups</b>: the high-cardinality table, {@code GROUP BY grp}, 10,000 values.</li>
 * </ul>
 *
 * Each query runs once to warm up, then the function's query and its plain SQL alternate five
 * times; each run's CPU and wall time come from Trino's own statistics. A ratio is the
 * function's over the plain SQL's, run by run: the median and the range of the five. Peak memory
 * is the query's peak user memory. Run: {@code ./kpi bench trino --regimes [--rows N] [--only A,B]
 * [--regime NAME]}; {@code --profile RUNS} runs only the selected functions' queries, RUNS times
 * each, for a profiler attached to the server.
 */
public final class TrinoRegimesBenchmark
{
    private static final int RUNS = 5;
    private static final String SKEW = "memory.default.kpi_regime_skew";
    private static final String WIDE = "memory.default.kpi_regime_wide";

    /** A data regime: a table and the grouping of every query over it. */
    record Regime(String name, String table, String groupBy) {}

    static final List<Regime> REGIMES = List.of(
            new Regime("skew", SKEW, ""),
            new Regime("high cardinality", WIDE, ""),
            new Regime("by month", WIDE, "month(day)"),
            new Regime("many groups", WIDE, "grp"));

    /**
     * A KPI, its best plain SQL and the floor: {@code avg} of each column it reads. {@code
     * distinct} marks the distinct-id KPIs, whose target is half their plain SQL's time.
     */
    record Pair(String name, boolean distinct, String kpi, String plain, String floor) {}

    static final List<Pair> PAIRS = List.of(
            new Pair("dau_mau", true, "dau_mau(user_id, day)",
                    "100e0 * count(DISTINCT (user_id, day)) / ((date_diff('day', min(day), max(day)) + 1) * count(DISTINCT user_id))",
                    "avg(user_id), avg(day_of_year(day))"),
            new Pair("arpu(revenue, user_id)", true, "arpu(amount, user_id)",
                    "sum(amount) / count(DISTINCT user_id)",
                    "avg(amount), avg(user_id)"),
            new Pair("arppu(revenue, user_id)", true, "arppu(amount, user_id)",
                    "sum(amount) / count(DISTINCT CASE WHEN amount > 0 THEN user_id END)",
                    "avg(amount), avg(user_id)"),
            new Pair("sessions_per_user", true, "sessions_per_user(session_id, user_id)",
                    "CAST(count(DISTINCT session_id) AS double) / count(DISTINCT user_id)",
                    "avg(session_id), avg(user_id)"),
            new Pair("pages_per_session", true, "pages_per_session(session_id)",
                    "CAST(count(*) AS double) / count(DISTINCT session_id)",
                    "avg(session_id)"),
            new Pair("feature_adoption_rate", true, "feature_adoption_rate(user_id, flag)",
                    "100e0 * count(DISTINCT CASE WHEN flag THEN user_id END) / count(DISTINCT user_id)",
                    "avg(user_id), avg(CAST(flag AS integer))"),
            // one of each one-pass family
            new Pair("nps(score)", false, "nps(score)",
                    "100e0 * (count_if(score >= 9) - count_if(score <= 6)) / count(score)",
                    "avg(score)"),
            new Pair("churn_rate(start, lost)", false, "churn_rate(start_customers, lost_customers)",
                    "100e0 * sum(lost_customers) / nullif(sum(start_customers), 0)",
                    "avg(start_customers), avg(lost_customers)"),
            new Pair("conversion_rate(converted)", false, "conversion_rate(flag)",
                    "100e0 * count_if(flag) / count(flag)",
                    "avg(CAST(flag AS integer))"),
            new Pair("mrr(amount)", false, "mrr(amount)",
                    "sum(amount)",
                    "avg(amount)"),
            new Pair("net_revenue_retention", false, "net_revenue_retention(previous_mrr, current_mrr)",
                    "100e0 * sum(CASE WHEN previous_mrr > 0 THEN current_mrr END) / nullif(sum(CASE WHEN previous_mrr > 0 THEN previous_mrr END), 0)",
                    "avg(previous_mrr), avg(current_mrr)"),
            new Pair("avg_session_duration", false, "avg_session_duration(started_at, ended_at)",
                    "avg(CAST(to_milliseconds(ended_at - started_at) AS double) / 1000)",
                    "avg(to_unixtime(started_at)), avg(to_unixtime(ended_at))"));

    /** Per-run CPU and wall milliseconds and peak memory bytes of one query. */
    record Runs(double[] cpu, double[] wall, long peakMemory) {}

    private TrinoRegimesBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        String url = "jdbc:trino://127.0.0.1:8095";
        long rows = 20_000_000;
        String only = "";
        String regimes = "";
        int profile = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--regimes" -> {}
                case "--profile" -> profile = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--only" -> only = args[++i];
                case "--regime" -> regimes = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + ": use --rows N, --only A,B, --regime NAME, --profile RUNS or --url URL");
            }
        }
        try (Connection connection = DriverManager.getConnection(url, "kpi", null)) {
            // skew: TrinoBenchmark's users and days; high cardinality: users, days and sessions spread
            // so that almost every (user, day) pair and every session of a user is new
            TrinoBenchmark.generate(connection, SKEW, rows, "CASE WHEN h % 2 = 0 THEN h % 1000 ELSE h % 2000000 END", "h % 365", "h % 5000000", ", (h / 13) % 10000 AS grp");
            TrinoBenchmark.generate(connection, WIDE, rows, "h % 2000000", "(h / 7) % 365", "h % " + Math.max(1, rows * 3 / 4), ", (h / 13) % 10000 AS grp");
            if (profile > 0) {
                // for a profiler attached to the server: only the selected functions' queries, over and over
                profile(connection, regimes, only, profile);
                return;
            }
            describe(connection);
            System.out.printf(Locale.ROOT, "%nmedians of %d alternating runs after a warm-up; ratios are the function's time over the plain SQL's (or the floor's), run by run: median [min-max]%n", RUNS);
            for (Regime regime : REGIMES) {
                if (!regimes.isEmpty() && !TrinoBenchmark.selected(regime.name(), regimes)) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "%n## %s (%s%s)%n%n", regime.name(), regime.table(), regime.groupBy().isEmpty() ? ", no GROUP BY" : ", GROUP BY " + regime.groupBy());
                System.out.printf(Locale.ROOT, "| function | kpi cpu ms | plain cpu ms | cpu k/p | wall k/p | cpu k/floor | kpi peak MB | plain peak MB |%n|---|---:|---:|---:|---:|---:|---:|---:|%n");
                for (Pair pair : PAIRS) {
                    if (!TrinoBenchmark.selected(pair.name(), only)) {
                        continue;
                    }
                    measure(connection, regime, pair);
                }
            }
        }
    }

    private static void profile(Connection connection, String regimes, String only, int runs)
            throws SQLException
    {
        for (Regime regime : REGIMES) {
            if (!regimes.isEmpty() && !TrinoBenchmark.selected(regime.name(), regimes)) {
                continue;
            }
            for (Pair pair : PAIRS) {
                if (TrinoBenchmark.selected(pair.name(), only)) {
                    for (int i = 0; i < runs; i++) {
                        QueryStats stats = run(connection, query(regime, pair.kpi()));
                        System.out.printf(Locale.ROOT, "%s, %s: cpu %,d ms, wall %,d ms%n", regime.name(), pair.name(), stats.getCpuTimeMillis(), stats.getWallTimeMillis());
                    }
                }
            }
        }
    }

    private static void measure(Connection connection, Regime regime, Pair pair)
            throws SQLException
    {
        String kpiSql = query(regime, pair.kpi());
        String plainSql = query(regime, pair.plain());
        String floorSql = query(regime, pair.floor());
        run(connection, kpiSql);
        run(connection, plainSql);
        run(connection, floorSql);
        double[] kpiCpu = new double[RUNS];
        double[] kpiWall = new double[RUNS];
        double[] plainCpu = new double[RUNS];
        double[] plainWall = new double[RUNS];
        double[] floorCpu = new double[RUNS];
        long kpiPeak = 0;
        long plainPeak = 0;
        for (int i = 0; i < RUNS; i++) {
            QueryStats kpi = run(connection, kpiSql);
            QueryStats plain = run(connection, plainSql);
            QueryStats floor = run(connection, floorSql);
            kpiCpu[i] = kpi.getCpuTimeMillis();
            kpiWall[i] = kpi.getWallTimeMillis();
            plainCpu[i] = plain.getCpuTimeMillis();
            plainWall[i] = plain.getWallTimeMillis();
            floorCpu[i] = floor.getCpuTimeMillis();
            kpiPeak = Math.max(kpiPeak, kpi.getPeakMemoryBytes());
            plainPeak = Math.max(plainPeak, plain.getPeakMemoryBytes());
        }
        System.out.printf(Locale.ROOT, "| `%s` | %,.0f | %,.0f | %s | %s | %s | %,.0f | %,.0f |%n",
                pair.name(), median(kpiCpu), median(plainCpu),
                ratios(kpiCpu, plainCpu, pair.distinct() ? 0.5 : 1.0), ratios(kpiWall, plainWall, pair.distinct() ? 0.5 : 1.0),
                ratios(kpiCpu, floorCpu, pair.distinct() ? Double.MAX_VALUE : 1.2),
                kpiPeak / 1e6, plainPeak / 1e6);
    }

    /** {@code 0.42 [0.40-0.47]}, bold when the median misses the target. */
    private static String ratios(double[] numerator, double[] denominator, double target)
    {
        double[] ratios = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ratios[i] = numerator[i] / denominator[i];
        }
        Arrays.sort(ratios);
        String text = String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", ratios[RUNS / 2], ratios[0], ratios[RUNS - 1]);
        return ratios[RUNS / 2] > target ? "**" + text + "**" : text;
    }

    private static double median(double[] values)
    {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String query(Regime regime, String select)
    {
        if (regime.groupBy().isEmpty()) {
            return "SELECT " + select + " FROM " + regime.table();
        }
        // every group's answer reaches the client, as a report's would
        return "SELECT " + regime.groupBy() + ", " + select + " FROM " + regime.table() + " GROUP BY 1";
    }


    /** The sizes of each table: rows, distinct users, distinct (user, day) pairs and sessions. */
    private static void describe(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of(SKEW, WIDE)) {
                try (ResultSet result = statement.executeQuery("SELECT count(*), count(DISTINCT user_id), count(DISTINCT (user_id, day)), count(DISTINCT session_id), count(DISTINCT grp) FROM " + table)) {
                    result.next();
                    System.out.printf(Locale.ROOT, "%s: %,d rows, %,d users, %,d distinct (user, day) pairs, %,d sessions, %,d values of grp%n",
                            table, result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4), result.getLong(5));
                }
            }
        }
    }

    /** Runs a query to its end and returns Trino's final statistics of it. */
    private static QueryStats run(Connection connection, String sql)
            throws SQLException
    {
        AtomicReference<QueryStats> last = new AtomicReference<>();
        List<Object> sink = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(TrinoStatement.class).setProgressMonitor(last::set);
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    sink.add(result.getObject(result.getMetaData().getColumnCount()));
                }
            }
        }
        return last.get();
    }
}

package dev.kpisql.bench;

import io.trino.jdbc.QueryStats;
import io.trino.jdbc.TrinoStatement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each KPI aggregate against its best hand-written SQL and {@code avg(x)} (the floor of a
 * one-pass aggregate) in a real single-node Trino 476 with the plugin, over a generated table in
 * the memory connector: query CPU time and wall time from Trino's own statistics, after a
 * warm-up, median of five runs, reported as ratios. Run: {@code ./kpi bench trino [--rows N]
 * [--only TEXT[,TEXT…]]}, the latter to measure only the functions whose name contains one of the texts; the event functions
 * run over an event log of {@code --events N} events (default 20,000,000 of 1,000,000 users).
 */
public final class TrinoBenchmark
{
    private static final int RUNS = 5;
    private static final String TABLE = "memory.default.kpi_bench";

    /** A KPI query and the plain SQL it replaces, over {@link #TABLE}. */
    record Pair(String name, String kpi, String plain) {}

    static final List<Pair> PAIRS = List.of(
            pair("nps(score)", "nps(score)",
                    "100e0 * (count_if(score >= 9) - count_if(score <= 6)) / count(score)"),
            pair("nps_margin_of_error(score)", "nps_margin_of_error(score)",
                    "1.959963984540054e0 * 100 * sqrt((CAST(count_if(score >= 9) AS double) / count(score) + CAST(count_if(score <= 6) AS double) / count(score)"
                            + " - power(CAST(count_if(score >= 9) - count_if(score <= 6) AS double) / count(score), 2)) / count(score))"),
            pair("csat(score)", "csat(csat_score)", "100e0 * count_if(csat_score >= 4) / count(csat_score)"),
            pair("ces(score)", "ces(ces_score)", "avg(CAST(ces_score AS double))"),
            pair("churn_rate(start, lost)", "churn_rate(start_customers, lost_customers)",
                    "100e0 * sum(lost_customers) / nullif(sum(start_customers), 0)"),
            pair("churn_rate(churned)", "churn_rate(flag)", "100e0 * count_if(flag) / count(flag)"),
            pair("retention_rate(start, end, new)", "retention_rate(start_customers, end_customers, new_customers)",
                    "100e0 * (sum(end_customers) - sum(new_customers)) / nullif(sum(start_customers), 0)"),
            pair("mrr(amount)", "mrr(amount)", "sum(amount)"),
            pair("mrr(amount, billing_period)", "mrr(amount, billing_period)",
                    "sum(CASE billing_period WHEN 'month' THEN amount WHEN 'annual' THEN amount / 12 END)"),
            pair("arpu(revenue)", "arpu(amount)", "avg(amount)"),
            pair("arpu(revenue, user_id)", "arpu(amount, user_id)", "sum(amount) / count(DISTINCT user_id)"),
            pair("arppu(revenue, user_id)", "arppu(amount, user_id)",
                    "sum(amount) / count(DISTINCT CASE WHEN amount > 0 THEN user_id END)"),
            pair("new_mrr", "new_mrr(previous_mrr, current_mrr)", "sum(CASE WHEN previous_mrr = 0 AND current_mrr > 0 THEN current_mrr ELSE 0 END)"),
            pair("churned_mrr", "churned_mrr(previous_mrr, current_mrr)", "sum(CASE WHEN previous_mrr > 0 AND current_mrr = 0 THEN previous_mrr ELSE 0 END)"),
            pair("net_new_mrr", "net_new_mrr(previous_mrr, current_mrr)", "sum(current_mrr - previous_mrr)"),
            pair("net_revenue_retention", "net_revenue_retention(previous_mrr, current_mrr)",
                    "100e0 * sum(CASE WHEN previous_mrr > 0 THEN current_mrr END) / nullif(sum(CASE WHEN previous_mrr > 0 THEN previous_mrr END), 0)"),
            pair("gross_revenue_retention", "gross_revenue_retention(previous_mrr, current_mrr)",
                    "100e0 * sum(CASE WHEN previous_mrr > 0 THEN least(previous_mrr, current_mrr) END) / nullif(sum(CASE WHEN previous_mrr > 0 THEN previous_mrr END), 0)"),
            pair("saas_quick_ratio", "saas_quick_ratio(previous_mrr, current_mrr)",
                    "sum(CASE WHEN current_mrr > previous_mrr THEN current_mrr - previous_mrr ELSE 0 END)"
                            + " / nullif(sum(CASE WHEN current_mrr < previous_mrr THEN previous_mrr - current_mrr ELSE 0 END), 0)"),
            pair("cac(cost, customers)", "cac(amount, new_customers)", "sum(amount) / nullif(sum(new_customers), 0)"),
            pair("romi", "romi(amount, previous_mrr)", "100e0 * (sum(amount) - sum(previous_mrr)) / nullif(sum(previous_mrr), 0)"),
            pair("dau_mau", "dau_mau(user_id, day)",
                    "100e0 * count(DISTINCT (user_id, day)) / ((date_diff('day', min(day), max(day)) + 1) * count(DISTINCT user_id))"),
            pair("approx_dau_mau (plain: approx_distinct)", "approx_dau_mau(user_id, day)",
                    "100e0 * approx_distinct(CAST(user_id AS varchar) || '/' || CAST(day AS varchar)) / ((date_diff('day', min(day), max(day)) + 1) * approx_distinct(user_id))"),
            pair("avg_session_duration", "avg_session_duration(started_at, ended_at)",
                    "avg(CAST(to_milliseconds(ended_at - started_at) AS double) / 1000)"),
            pair("sessions_per_user", "sessions_per_user(session_id, user_id)",
                    "CAST(count(DISTINCT session_id) AS double) / count(DISTINCT user_id)"),
            pair("pages_per_session", "pages_per_session(session_id)", "CAST(count(*) AS double) / count(DISTINCT session_id)"),
            pair("bounce_rate", "bounce_rate(pageviews)", "100e0 * count_if(pageviews = 1) / count(pageviews)"),
            pair("conversion_rate(converted)", "conversion_rate(flag)", "100e0 * count_if(flag) / count(flag)"),
            pair("feature_adoption_rate", "feature_adoption_rate(user_id, flag)",
                    "100e0 * count(DISTINCT CASE WHEN flag THEN user_id END) / count(DISTINCT user_id)"),
            pair("cart_abandonment_rate", "cart_abandonment_rate(flag)", "100e0 * count_if(NOT flag) / count(flag)"),
            pair("time_to_value", "time_to_value(started_at, ended_at)",
                    "avg(CAST(to_milliseconds(ended_at - started_at) AS double) / 1000)"),
            // experiments: the whole ROW against the same fields computed in plain SQL, over an arm
            // column that splits the table in two
            pair("rate_interval(condition)", "rate_interval(flag)",
                    "100e0 * count_if(flag) / count(flag),"
                            + " 100 * (count_if(flag) + 1.920729410347062e0 - 1.959963984540054e0 * sqrt(CAST(count_if(flag) AS double) * count_if(NOT flag) / count(flag) + 0.960364705173531e0))"
                            + " / (count(flag) + 3.841458820694124e0),"
                            + " 100 * (count_if(flag) + 1.920729410347062e0 + 1.959963984540054e0 * sqrt(CAST(count_if(flag) AS double) * count_if(NOT flag) / count(flag) + 0.960364705173531e0))"
                            + " / (count(flag) + 3.841458820694124e0)"),
            new Pair("two_proportion_z_test", "SELECT two_proportion_z_test(flag, arm, 'control') FROM " + TABLE, """
                    SELECT 100 * pc, 100 * pt, 100 * (pt - pc), z, 2 * normal_cdf(0, 1, -abs(z)),
                           100 * (pt - pc - 1.959963984540054e0 * se), 100 * (pt - pc + 1.959963984540054e0 * se)
                    FROM (SELECT pc, pt, (pt - pc) / sqrt(p * (1 - p) * (1 / nc + 1 / nt)) AS z, sqrt(pc * (1 - pc) / nc + pt * (1 - pt) / nt) AS se
                          FROM (SELECT kc / nc AS pc, kt / nt AS pt, (kc + kt) / (nc + nt) AS p, nc, nt
                                FROM (SELECT CAST(count_if(arm = 'control' AND flag) AS double) AS kc, CAST(count_if(arm = 'control') AS double) AS nc,
                                             CAST(count_if(arm = 'treatment' AND flag) AS double) AS kt, CAST(count_if(arm = 'treatment') AS double) AS nt
                                      FROM %s)))""".formatted(TABLE)),
            // Trino has no Student's t distribution: the plain SQL an analyst writes takes the normal
            // tail and quantile; the cost is the aggregation, not the one row of formulas
            new Pair("welch_t_test", "SELECT welch_t_test(amount, arm, 'control') FROM " + TABLE, """
                    SELECT mc, mt, mt - mc, (mt - mc) / sqrt(a + b), power(a + b, 2) / (power(a, 2) / (nc - 1) + power(b, 2) / (nt - 1)),
                           2 * normal_cdf(0, 1, -abs((mt - mc) / sqrt(a + b))), mt - mc - 1.959963984540054e0 * sqrt(a + b), mt - mc + 1.959963984540054e0 * sqrt(a + b)
                    FROM (SELECT mc, mt, vc / nc AS a, vt / nt AS b, nc, nt
                          FROM (SELECT avg(amount) FILTER (WHERE arm = 'control') AS mc, var_samp(amount) FILTER (WHERE arm = 'control') AS vc,
                                       count_if(arm = 'control') AS nc,
                                       avg(amount) FILTER (WHERE arm = 'treatment') AS mt, var_samp(amount) FILTER (WHERE arm = 'treatment') AS vt,
                                       count_if(arm = 'treatment') AS nt
                                FROM %s))""".formatted(TABLE)),
            new Pair("nps_difference_test", "SELECT nps_difference_test(score, arm, 'control') FROM " + TABLE, """
                    SELECT 100 * (pc - dc), 100 * (pt - dt), 100 * (pt - dt - pc + dc), z, 2 * normal_cdf(0, 1, -abs(z)),
                           100 * (pt - dt - pc + dc) - 1.959963984540054e0 * se, 100 * (pt - dt - pc + dc) + 1.959963984540054e0 * se
                    FROM (SELECT pc, dc, pt, dt, se, 100 * (pt - dt - pc + dc) / se AS z
                          FROM (SELECT pc, dc, pt, dt, 100 * sqrt((pc + dc - power(pc - dc, 2)) / nc + (pt + dt - power(pt - dt, 2)) / nt) AS se
                                FROM (SELECT CAST(count_if(arm = 'control' AND score >= 9) AS double) / count_if(arm = 'control') AS pc,
                                             CAST(count_if(arm = 'control' AND score <= 6) AS double) / count_if(arm = 'control') AS dc,
                                             CAST(count_if(arm = 'control') AS double) AS nc,
                                             CAST(count_if(arm = 'treatment' AND score >= 9) AS double) / count_if(arm = 'treatment') AS pt,
                                             CAST(count_if(arm = 'treatment' AND score <= 6) AS double) / count_if(arm = 'treatment') AS dt,
                                             CAST(count_if(arm = 'treatment') AS double) AS nt
                                      FROM %s)))""".formatted(TABLE)),
            new Pair("srm_test", "SELECT srm_test(arm, 0.5e0) FROM " + TABLE, """
                    SELECT 2, x, 2 * normal_cdf(0, 1, -sqrt(x))
                    FROM (SELECT power(nc - (nc + nt) / 2, 2) / ((nc + nt) / 2) + power(nt - (nc + nt) / 2, 2) / ((nc + nt) / 2) AS x
                          FROM (SELECT CAST(count_if(arm = 'control') AS double) AS nc, CAST(count_if(arm = 'treatment') AS double) AS nt FROM %s))""".formatted(TABLE)));

    private static Pair pair(String name, String kpi, String plain)
    {
        return new Pair(name, "SELECT " + kpi + " FROM " + TABLE, "SELECT " + plain + " FROM " + TABLE);
    }

    /** The event log: user_id, ts (timestamp(3)), event; one of six event types. */
    private static final String EVENTS = "memory.default.kpi_bench_events";

    private static final String FUNNEL_STEPS = "ARRAY[event = 'page_view', event = 'signup', event = 'activation', event = 'first_payment']";

    /**
     * The event functions against the best plain SQL for the same answer, as whole queries over
     * {@link #EVENTS}: each side returns the same rows, which the benchmark checks before it times them.
     */
    static final List<Pair> EVENT_PAIRS = List.of(
            new Pair("window_funnel (plain: MATCH_RECOGNIZE)",
                    "SELECT level, count(*) FROM (SELECT user_id, window_funnel(INTERVAL '7' DAY, ts, " + FUNNEL_STEPS + ") AS level FROM " + EVENTS
                            + " GROUP BY user_id) WHERE level > 0 GROUP BY level ORDER BY level",
                    // a match from every page view (SKIP TO NEXT ROW): the earliest signup, activation and payment after it within 7 days;
                    // the reluctant X*? and the greedy optional groups take the earliest of each, the best for the steps after
                    "SELECT level, count(*) FROM (SELECT user_id, max(level) AS level FROM " + EVENTS + " MATCH_RECOGNIZE ("
                            + " PARTITION BY user_id ORDER BY ts"
                            + " MEASURES CASE WHEN count(D.ts) > 0 THEN 4 WHEN count(C.ts) > 0 THEN 3 WHEN count(B.ts) > 0 THEN 2 ELSE 1 END AS level"
                            + " ONE ROW PER MATCH AFTER MATCH SKIP TO NEXT ROW"
                            + " PATTERN (A (X*? B (X*? C (X*? D)?)?)?)"
                            + " DEFINE A AS event = 'page_view',"
                            + " B AS event = 'signup' AND ts <= A.ts + INTERVAL '7' DAY,"
                            + " C AS event = 'activation' AND ts <= A.ts + INTERVAL '7' DAY,"
                            + " D AS event = 'first_payment' AND ts <= A.ts + INTERVAL '7' DAY,"
                            + " X AS true)"
                            + " GROUP BY user_id) GROUP BY level ORDER BY level"),
            new Pair("window_funnel (plain: window functions)",
                    "SELECT level, count(*) FROM (SELECT user_id, window_funnel(INTERVAL '7' DAY, ts, " + FUNNEL_STEPS + ") AS level FROM " + EVENTS
                            + " GROUP BY user_id) WHERE level > 0 GROUP BY level ORDER BY level",
                    // every row's next signup, activation and payment (a window over the rows at or after it), then from each
                    // page view: its next signup, that signup's next activation, that activation's next payment
                    "WITH nexts AS (SELECT user_id, ts, event,"
                            + " min(CASE WHEN event = 'signup' THEN ts END) OVER w AS next_signup,"
                            + " min(CASE WHEN event = 'activation' THEN ts END) OVER w AS next_activation,"
                            + " min(CASE WHEN event = 'first_payment' THEN ts END) OVER w AS next_payment"
                            + " FROM " + EVENTS + " WINDOW w AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)),"
                            + " signups AS (SELECT DISTINCT user_id, ts, next_activation FROM nexts WHERE event = 'signup'),"
                            + " activations AS (SELECT DISTINCT user_id, ts, next_payment FROM nexts WHERE event = 'activation'),"
                            + " chains AS (SELECT v.user_id, v.ts AS t1, v.next_signup AS t2, s.next_activation AS t3, a.next_payment AS t4"
                            + " FROM nexts v LEFT JOIN signups s ON s.user_id = v.user_id AND s.ts = v.next_signup"
                            + " LEFT JOIN activations a ON a.user_id = v.user_id AND a.ts = s.next_activation"
                            + " WHERE v.event = 'page_view')"
                            + " SELECT level, count(*) FROM (SELECT user_id, max(CASE WHEN t4 <= t1 + INTERVAL '7' DAY THEN 4 WHEN t3 <= t1 + INTERVAL '7' DAY THEN 3"
                            + " WHEN t2 <= t1 + INTERVAL '7' DAY THEN 2 ELSE 1 END) AS level FROM chains GROUP BY user_id) GROUP BY level ORDER BY level"),
            new Pair("retention (plain: bool_or)",
                    "SELECT sum(r[1]), sum(r[2]), sum(r[3]), sum(r[4]) FROM (SELECT user_id,"
                            + " retention(ARRAY[event = 'signup', event = 'activation', event = 'first_payment', event = 'support_contact']) AS r FROM " + EVENTS + " GROUP BY user_id)",
                    "SELECT count_if(c1), count_if(c1 AND c2), count_if(c1 AND c3), count_if(c1 AND c4) FROM (SELECT user_id,"
                            + " bool_or(event = 'signup') AS c1, bool_or(event = 'activation') AS c2, bool_or(event = 'first_payment') AS c3, bool_or(event = 'support_contact') AS c4"
                            + " FROM " + EVENTS + " GROUP BY user_id)"),
            new Pair("session_count OVER (plain: lag, running sum)",
                    "SELECT max(s), sum(s) FROM (SELECT session_count(ts, INTERVAL '30' MINUTE) OVER (PARTITION BY user_id ORDER BY ts) AS s FROM " + EVENTS + ")",
                    "SELECT max(s), sum(s) FROM (SELECT sum(CASE WHEN previous IS NULL OR ts > previous + INTERVAL '30' MINUTE THEN 1 ELSE 0 END)"
                            + " OVER (PARTITION BY user_id ORDER BY ts) AS s FROM (SELECT user_id, ts, lag(ts) OVER (PARTITION BY user_id ORDER BY ts) AS previous FROM " + EVENTS + "))"));

    /** Median CPU and wall milliseconds of one query. */
    record Timing(double cpu, double wall) {}

    private TrinoBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        String url = "jdbc:trino://127.0.0.1:8095";
        long rows = 50_000_000;
        long events = 20_000_000;
        String only = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--events" -> events = Long.parseLong(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + ": use --rows N, --events N, --only TEXT or --url URL");
            }
        }
        try (Connection connection = DriverManager.getConnection(url, "kpi", null)) {
            generate(connection, rows);
            Timing floor = time(connection, "SELECT avg(amount) FROM " + TABLE);
            System.out.printf(Locale.ROOT, "Trino 476, one node, %,d rows in the memory connector; medians of %d runs after a warm-up%n%n", rows, RUNS);
            System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s %9s %9s %9s%n", "function", "kpi cpu", "plain cpu", "cpu k/p", "wall k/p", "cpu k/avg", "kpi wall");
            System.out.printf(Locale.ROOT, "%-40s %9.0f %9s %9s %9s %9s %9.0f%n", "avg(amount) (floor)", floor.cpu(), "", "", "", "1.00", floor.wall());
            for (Pair pair : PAIRS) {
                if (!selected(pair.name(), only)) {
                    continue;
                }
                Timing kpi = time(connection, pair.kpi());
                Timing plain = time(connection, pair.plain());
                System.out.printf(Locale.ROOT, "%-40s %9.0f %9.0f %9.2f %9.2f %9.2f %9.0f%n",
                        pair.name(), kpi.cpu(), plain.cpu(), kpi.cpu() / plain.cpu(), kpi.wall() / plain.wall(), kpi.cpu() / floor.cpu(), kpi.wall());
            }
            if (selected("approx_dau_mau", only)) {
                approximationError(connection);
            }
            String selection = only;
            if (EVENT_PAIRS.stream().anyMatch(pair -> selected(pair.name(), selection))) {
                eventFunctions(connection, events, only);
            }
        }
    }

    /**
     * approx_dau_mau against the exact dau_mau over the whole table and per month: the relative
     * error, and the number of distinct (user, day) pairs it had to estimate.
     */
    private static void approximationError(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            long users;
            long days;
            try (ResultSet result = statement.executeQuery("SELECT count(DISTINCT user_id), date_diff('day', min(day), max(day)) + 1 FROM " + TABLE)) {
                result.next();
                users = result.getLong(1);
                days = result.getLong(2);
            }
            try (ResultSet result = statement.executeQuery("SELECT dau_mau(user_id, day), approx_dau_mau(user_id, day) FROM " + TABLE)) {
                result.next();
                double exact = result.getDouble(1);
                double approximate = result.getDouble(2);
                // dau_mau = 100 × pairs / (days × users)
                long pairs = Math.round(exact / 100 * days * users);
                System.out.printf(Locale.ROOT, "%napprox_dau_mau vs dau_mau over the table: %,d distinct (user, day) pairs of %,d users on %d days:"
                        + " exact %.6f, approximate %.6f, relative error %.3f %%%n", pairs, users, days, exact, approximate, 100 * Math.abs(approximate - exact) / exact);
            }
            double worst = 0;
            int months = 0;
            try (ResultSet result = statement.executeQuery("SELECT month(day), dau_mau(user_id, day), approx_dau_mau(user_id, day) FROM " + TABLE + " GROUP BY 1")) {
                while (result.next()) {
                    months++;
                    worst = Math.max(worst, Math.abs(result.getDouble(3) - result.getDouble(2)) / result.getDouble(2));
                }
            }
            System.out.printf(Locale.ROOT, "approx_dau_mau vs dau_mau per month (%d groups): largest relative error %.3f %%%n", months, 100 * worst);
        }
    }

    /** The event functions over the event log: the same table of ratios, after checking that both sides answer alike. */
    private static void eventFunctions(Connection connection, long events, String only)
            throws SQLException
    {
        long users = Math.max(1, events / 20);
        generateEvents(connection, events, users);
        System.out.printf(Locale.ROOT, "%nEvent log: %,d events of %,d users, six event types, a year of timestamps; medians of %d runs after a warm-up%n%n", events, users, RUNS);
        System.out.printf(Locale.ROOT, "%-46s %9s %9s %9s %9s %9s %9s%n", "function", "kpi cpu", "plain cpu", "cpu k/p", "wall k/p", "kpi wall", "plain wall");
        for (Pair pair : EVENT_PAIRS) {
            if (!selected(pair.name(), only)) {
                continue;
            }
            List<String> kpiAnswer = answer(connection, pair.kpi());
            List<String> plainAnswer = answer(connection, pair.plain());
            if (!kpiAnswer.equals(plainAnswer)) {
                System.out.printf(Locale.ROOT, "%s: the answers differ: %s and %s%n", pair.name(), kpiAnswer, plainAnswer);
            }
            Timing kpi = time(connection, pair.kpi());
            Timing plain = time(connection, pair.plain());
            System.out.printf(Locale.ROOT, "%-46s %9.0f %9.0f %9.2f %9.2f %9.0f %9.0f%n",
                    pair.name(), kpi.cpu(), plain.cpu(), kpi.cpu() / plain.cpu(), kpi.wall() / plain.wall(), kpi.wall(), plain.wall());
        }
    }

    /** Every row of a query's answer, as text, in order. */
    private static List<String> answer(Connection connection, String sql)
            throws SQLException
    {
        List<String> rows = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.append(c == 1 ? "" : ", ").append(result.getObject(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /**
     * The event log, unless it is there with the right size: users with about 20 events each, on
     * days through 2025 and within an hour of a day, so that a user's visits are days apart; 80 %
     * page views, then signups, activations, first payments, errors and support contacts.
     */
    private static void generateEvents(Connection connection, long events, long users)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + EVENTS)) {
                result.next();
                if (result.getLong(1) == events) {
                    return;
                }
            }
            catch (SQLException e) {
                // not there yet
            }
            statement.execute("DROP TABLE IF EXISTS " + EVENTS);
            long outer = Math.max(1, events / 10_000);
            long start = System.nanoTime();
            statement.execute("""
                    CREATE TABLE %s AS
                    SELECT h %% %d AS user_id,
                           CAST(date_add('second', (h / 7) %% 3600, date_add('day', (h / 11) %% 365, TIMESTAMP '2025-01-01 08:00:00')) AS timestamp(3)) AS ts,
                           CASE WHEN (h / 13) %% 100 < 80 THEN 'page_view'
                                WHEN (h / 13) %% 100 < 86 THEN 'signup'
                                WHEN (h / 13) %% 100 < 90 THEN 'activation'
                                WHEN (h / 13) %% 100 < 93 THEN 'first_payment'
                                WHEN (h / 13) %% 100 < 98 THEN 'error'
                                ELSE 'support_contact' END AS event
                    FROM (SELECT (x * 1000003 + y * 7919 + x * y * 31) %% 2147483647 AS h
                          FROM UNNEST(sequence(1, %d)) AS a(x) CROSS JOIN UNNEST(sequence(1, 10000)) AS b(y))
                    """.formatted(EVENTS, users, outer));
            System.out.printf(Locale.ROOT, "generated %,d events in %.0f s%n", outer * 10_000, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Whether {@code --only a,b,c} selects the function: its name contains one of the texts. */
    /** Whether {@code name} contains one of the comma-separated texts of {@code only} (every name does for an empty one): the benchmarks' {@code --only}. */
    static boolean selected(String name, String only)
    {
        return Arrays.stream(only.split(",")).anyMatch(name::contains);
    }

    /** The benchmark table, unless it is there with the right size: skewed user ids, a year of days. */
    private static void generate(Connection connection, long rows)
            throws SQLException
    {
        generate(connection, TABLE, rows, "CASE WHEN h % 2 = 0 THEN h % 1000 ELSE h % 2000000 END", "h % 365", "h % 5000000", "");
    }

    /**
     * A generated table of {@code rows} rows in the memory connector, unless it is there with that
     * many: every KPI's columns, from a hash {@code h} of the row number, with the given
     * expressions of {@code h} for the user id, the day (days after 2025-01-01) and the session
     * id, and {@code extra} columns ({@code ", expression AS name"}).
     */
    static void generate(Connection connection, String table, long rows, String userId, String day, String sessionId, String extra)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
                result.next();
                if (result.getLong(1) == rows) {
                    return;
                }
            }
            catch (SQLException e) {
                // not there yet
            }
            statement.execute("DROP TABLE IF EXISTS " + table);
            long outer = Math.max(1, rows / 10_000);
            long start = System.nanoTime();
            statement.execute("""
                    CREATE TABLE %s AS
                    SELECT h %% 11 AS score,
                           h %% 5 + 1 AS csat_score,
                           h %% 7 + 1 AS ces_score,
                           h %% 20 = 0 AS flag,
                           CAST(h %% 100000 AS double) / 100 AS amount,
                           CASE WHEN h %% 10 = 0 THEN 0e0 ELSE CAST(h %% 50000 AS double) / 100 END AS previous_mrr,
                           CASE WHEN h %% 17 = 0 THEN 0e0 ELSE CAST((h / 3) %% 60000 AS double) / 100 END AS current_mrr,
                           CASE WHEN h %% 3 = 0 THEN 'annual' ELSE 'month' END AS billing_period,
                           100 + h %% 50 AS start_customers, h %% 5 AS lost_customers, h %% 7 AS new_customers, 100 + h %% 53 AS end_customers,
                           %s AS user_id,
                           date_add('day', %s, DATE '2025-01-01') AS day,
                           %s AS session_id,
                           h %% 6 + 1 AS pageviews,
                           CASE WHEN (h / 1000) %% 2 = 0 THEN 'control' ELSE 'treatment' END AS arm,
                           CAST(date_add('second', h %% 31536000, TIMESTAMP '2025-01-01 00:00:00') AS timestamp(3)) AS started_at,
                           CAST(date_add('millisecond', h %% 3600000, date_add('second', h %% 31536000, TIMESTAMP '2025-01-01 00:00:00')) AS timestamp(3)) AS ended_at
                           %s
                    FROM (SELECT (x * 1000003 + y * 7919 + x * y * 31) %% 2147483647 AS h
                          FROM UNNEST(sequence(1, %d)) AS a(x) CROSS JOIN UNNEST(sequence(1, 10000)) AS b(y))
                    """.formatted(table, userId, day, sessionId, extra, outer));
            System.out.printf(Locale.ROOT, "generated %s: %,d rows in %.0f s%n", table, outer * 10_000, (System.nanoTime() - start) / 1e9);
        }
    }

    private static Timing time(Connection connection, String sql)
            throws SQLException
    {
        run(connection, sql);
        double[] cpu = new double[RUNS];
        double[] wall = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            QueryStats stats = run(connection, sql);
            cpu[i] = stats.getCpuTimeMillis();
            wall[i] = stats.getWallTimeMillis();
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new Timing(cpu[RUNS / 2], wall[RUNS / 2]);
    }

    /** Runs a query to its end and returns Trino's final statistics of it. */
    private static QueryStats run(Connection connection, String sql)
            throws SQLException
    {
        AtomicReference<QueryStats> last = new AtomicReference<>();
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(TrinoStatement.class).setProgressMonitor(last::set);
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    result.getObject(1);
                }
            }
        }
        return last.get();
    }
}

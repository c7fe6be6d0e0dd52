package dev.kpisql.trino;

import io.trino.Session;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Differential testing: hundreds of random datasets (random sizes, NULL ratios, id skew, day
 * ranges), and every aggregate, per group, equals its plain-SQL reference written from the
 * contract's formula — on the three-node cluster, so every answer went through partial
 * aggregation, serialization and merging. The data is generated inside Trino from hashes of the
 * row number, so any dataset can be rebuilt from its parameters.
 *
 * <p>The CI setting runs {@value #DATASETS} datasets of up to {@value #MAX_ROWS} rows;
 * {@code ./kpi test --long} ({@code -Dkpi.long=true}) runs {@value #LONG_DATASETS} of up to
 * {@value #LONG_MAX_ROWS} rows with another seed.
 */
@TestInstance(PER_CLASS)
final class TestDifferential
{
    private static final int DATASETS = 300;
    private static final int MAX_ROWS = 400;
    private static final int LONG_DATASETS = 2_000;
    private static final int LONG_MAX_ROWS = 2_000;
    private static final long SEED = 20251123L;
    private static final long LONG_SEED = 76543210L;

    /** Relative agreement of a KPI and its reference: both sum doubles, in other orders. */
    private static final double EXACT = 1e-9;
    /** approx_dau_mau's documented bound. */
    private static final double APPROXIMATE = 0.02;

    private static final Session SESSION = testSessionBuilder().setCatalog("memory").setSchema("default").build();

    private final boolean long_ = Boolean.getBoolean("kpi.long");
    private QueryRunner runner;
    private final Map<Long, String> datasets = new HashMap<>();

    @BeforeAll
    void createDatasets()
            throws Exception
    {
        runner = KpiQueryRunner.distributed(2);
        Random random = new Random(long_ ? LONG_SEED : SEED);
        int count = long_ ? LONG_DATASETS : DATASETS;
        int maxRows = long_ ? LONG_MAX_ROWS : MAX_ROWS;
        List<String> specs = new ArrayList<>();
        for (long dataset = 1; dataset <= count; dataset++) {
            // sizes from 1 row up; NULL ratios from none to nearly all (groups with no row left)
            int rows = 1 + (random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(maxRows));
            double[] nullRatios = {0, 0, 0.05, 0.2, 0.5, 0.95};
            double nullRatio = nullRatios[random.nextInt(nullRatios.length)];
            double skew = 1 + 3 * random.nextDouble();
            int users = 1 + random.nextInt(Math.max(1, rows));
            int days = 1 + random.nextInt(60);
            int groups = 1 + random.nextInt(4);
            specs.add(String.format(Locale.ROOT, "(%d, %d, %.2fe0, %.3fe0, %d, %d, %d)", dataset, rows, nullRatio, skew, users, days, groups));
            datasets.put(dataset, String.format(Locale.ROOT, "rows=%d, nulls=%.2f, skew=%.3f, users=%d, days=%d, groups=%d", rows, nullRatio, skew, users, days, groups));
        }
        runner.execute(SESSION, "CREATE TABLE differential AS " + generator(String.join(", ", specs)));
    }

    @AfterAll
    void stopCluster()
    {
        if (runner != null) {
            runner.close();
        }
    }

    /**
     * The rows of every dataset: {@code u(k)} is a uniform number in [0, 1) from a hash of the
     * dataset, the row number and {@code k}, and {@code nullable(k, value)} is NULL with the
     * dataset's NULL ratio.
     */
    private static String generator(String specs)
    {
        String raw = """
                SELECT dataset, i, null_ratio, skew, users, days, groups,
                       CAST(floor(%s * groups) AS bigint) AS grp,
                       CAST(floor(%s * 11) AS bigint) AS score,
                       1 + CAST(floor(%s * 5) AS bigint) AS csat_score,
                       1 + CAST(floor(%s * 10) AS bigint) AS ces_score,
                       1 + CAST(floor(%s * 7) AS bigint) AS score7,
                       CAST(floor(%s * 1000) AS bigint) AS start_customers,
                       CAST(floor(%s * 100) AS bigint) AS lost_customers,
                       CAST(floor(%s * 1000) AS bigint) AS end_customers,
                       CAST(floor(%s * 200) AS bigint) AS new_customers,
                       %s < 0.4e0 AS flag,
                       round(%s * 1000, 2) AS amount,
                       element_at(ARRAY['month', 'Monthly', ' quarter ', 'quarterly', 'half_year', 'semiannual', 'year', 'YEARLY', 'annual', 'week', 'weekly', 'day', 'daily'],
                                  1 + CAST(floor(%s * 13) AS integer)) AS billing_period,
                       IF(%s < 0.3e0, 0e0, round(%s * 500, 2)) AS previous_mrr,
                       %s AS current_choice,
                       round(%s * 500, 2) AS current_value,
                       round(%s * 300, 2) AS cost,
                       round(%s * 300, 2) AS cost2,
                       CAST(floor(%s * 50) AS bigint) AS n1,
                       CAST(floor(%s * 80) AS bigint) AS n2,
                       CAST(floor(users * power(%s, skew)) AS bigint) AS user_id,
                       CAST(floor(%s * (1 + users * 3)) AS bigint) AS session_id,
                       date_add('day', CAST(floor(%s * days) AS bigint), DATE '2025-03-01') AS activity_date,
                       date_add('second', CAST(floor(%s * 3e7) AS bigint), TIMESTAMP '2025-01-01 00:00:00.000') AS started_at,
                       CAST(floor(%s * 1e7) AS bigint) AS duration_ms,
                       1 + CAST(floor(power(%s, 3) * 20) AS bigint) AS pageviews
                FROM (SELECT CAST(dataset AS bigint) AS dataset, CAST(rows AS bigint) AS rows, null_ratio, skew,
                             CAST(users AS bigint) AS users, CAST(days AS bigint) AS days, CAST(groups AS bigint) AS groups
                      FROM (VALUES %s) AS v(dataset, rows, null_ratio, skew, users, days, groups))
                CROSS JOIN UNNEST(sequence(1, rows)) AS r(i)
                """.formatted(u(1), u(2), u(3), u(4), u(5), u(6), u(7), u(8), u(9), u(10), u(11), u(12), u(13), u(14), u(15), u(16), u(17), u(18),
                u(19), u(20), u(21), u(22), u(23), u(24), u(25), u(26), specs);
        // every column NULL on its own with the dataset's ratio
        return """
                SELECT dataset, grp,
                       %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,
                       %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s
                FROM (%s)
                """.formatted(
                nullable(101, "score"), nullable(102, "csat_score"), nullable(103, "ces_score"), nullable(104, "score7"),
                nullable(105, "start_customers"), nullable(106, "lost_customers"), nullable(107, "end_customers"), nullable(108, "new_customers"),
                nullable(109, "flag"), nullable(110, "amount"), nullable(111, "billing_period"), nullable(112, "previous_mrr"),
                nullable(113, "CASE WHEN current_choice < 0.3e0 THEN 0e0 WHEN current_choice < 0.45e0 THEN previous_mrr ELSE current_value END", "current_mrr"),
                nullable(114, "cost"), nullable(115, "cost2"), nullable(116, "n1"), nullable(117, "n2"),
                nullable(118, "user_id"), nullable(118, "'u' || CAST(user_id AS varchar)", "user_name"),
                nullable(119, "session_id"), nullable(119, "'s' || CAST(session_id AS varchar)", "session_name"),
                nullable(120, "activity_date"), nullable(121, "started_at"),
                nullable(122, "date_add('millisecond', duration_ms, started_at)", "ended_at"),
                nullable(123, "pageviews"),
                raw);
    }

    private static String u(int salt)
    {
        return "(bitwise_and(from_big_endian_64(xxhash64(to_big_endian_64(dataset * 1000003 + i * 1009 + " + salt + "))), 4503599627370495) / 4503599627370496e0)";
    }

    private static String nullable(int salt, String column)
    {
        return nullable(salt, column, column);
    }

    private static String nullable(int salt, String expression, String name)
    {
        return "IF(" + u(salt) + " < null_ratio, NULL, " + expression + ") AS " + name;
    }

    /**
     * A KPI call and its reference in plain SQL over the same columns. The reference runs over
     * rows in which a NULL in any of {@code arguments} makes all of them NULL, which is how the
     * contract's "skip a row with a NULL argument" reads in plain SQL.
     */
    private record Pair(String kpi, String plain, double tolerance, String... arguments) {}

    private static Pair exact(String kpi, String plain, String... arguments)
    {
        return new Pair(kpi, plain, EXACT, arguments);
    }

    private static final String PROMOTERS = "count_if(score >= 9)";
    private static final String DETRACTORS = "count_if(score <= 6)";
    private static final String SHARE_SPREAD = "(CAST(" + PROMOTERS + " + " + DETRACTORS + " AS double) / count(score) - power(CAST(" + PROMOTERS + " - " + DETRACTORS + " AS double) / count(score), 2))";
    private static final String MONTHLY = "amount * CASE lower(trim(billing_period)) WHEN 'month' THEN 1e0 WHEN 'monthly' THEN 1e0 WHEN 'quarter' THEN 1e0 / 3 WHEN 'quarterly' THEN 1e0 / 3"
            + " WHEN 'half_year' THEN 1e0 / 6 WHEN 'semiannual' THEN 1e0 / 6 WHEN 'year' THEN 1e0 / 12 WHEN 'yearly' THEN 1e0 / 12 WHEN 'annual' THEN 1e0 / 12"
            + " WHEN 'week' THEN 52e0 / 12 WHEN 'weekly' THEN 52e0 / 12 WHEN 'day' THEN 365e0 / 12 WHEN 'daily' THEN 365e0 / 12 END";
    private static final String MRR = "previous_mrr, current_mrr";
    private static final String START_MRR = "sum(IF(previous_mrr > 0, previous_mrr))";
    private static final String DAYS = "(date_diff('day', min(activity_date), max(activity_date)) + 1)";

    /** The sum of one MRR movement: 0 for a customer outside it, NULL for a skipped row. */
    private static String movement(String when, String value)
    {
        return "sum(CASE WHEN previous_mrr IS NULL THEN NULL WHEN " + when + " THEN " + value + " ELSE 0 END)";
    }

    private static List<Pair> pairs()
    {
        List<Pair> pairs = new ArrayList<>(List.of(
                exact("nps(score)", "100e0 * (" + PROMOTERS + " - " + DETRACTORS + ") / nullif(count(score), 0)", "score"),
                exact("nps_margin_of_error(score)", "IF(count(score) >= 2, 1.959963984540054e0 * sqrt(" + SHARE_SPREAD + " / count(score)) * 100)", "score"),
                exact("nps_margin_of_error(score, 0.9e0)", "IF(count(score) >= 2, 1.6448536269514722e0 * sqrt(" + SHARE_SPREAD + " / count(score)) * 100)", "score"),
                exact("csat(csat_score)", "100e0 * count_if(csat_score >= 4) / nullif(count(csat_score), 0)", "csat_score"),
                exact("csat(score7, 7)", "100e0 * count_if(score7 >= 6) / nullif(count(score7), 0)", "score7"),
                exact("ces(ces_score)", "avg(CAST(ces_score AS double))", "ces_score"),
                exact("ces(score7, 7)", "avg(CAST(score7 AS double))", "score7"),
                exact("churn_rate(start_customers, lost_customers)", "100e0 * sum(lost_customers) / nullif(sum(start_customers), 0)", "start_customers", "lost_customers"),
                exact("churn_rate(flag)", "100e0 * count_if(flag) / nullif(count(flag), 0)", "flag"),
                exact("retention_rate(start_customers, end_customers, new_customers)",
                        "100e0 * (sum(end_customers) - sum(new_customers)) / nullif(sum(start_customers), 0)", "start_customers", "end_customers", "new_customers"),
                exact("retention_rate(flag)", "100e0 * count_if(flag) / nullif(count(flag), 0)", "flag"),
                exact("mrr(amount)", "sum(amount)", "amount"),
                exact("mrr(amount, billing_period)", "sum(" + MONTHLY + ")", "amount", "billing_period"),
                exact("arr(amount, billing_period)", "12 * sum(" + MONTHLY + ")", "amount", "billing_period"),
                exact("arpu(amount)", "avg(amount)", "amount"),
                exact("new_mrr(" + MRR + ")", movement("previous_mrr = 0 AND current_mrr > 0", "current_mrr"), "previous_mrr", "current_mrr"),
                exact("expansion_mrr(" + MRR + ")", movement("previous_mrr > 0 AND current_mrr > previous_mrr", "current_mrr - previous_mrr"), "previous_mrr", "current_mrr"),
                exact("contraction_mrr(" + MRR + ")", movement("current_mrr > 0 AND current_mrr < previous_mrr", "previous_mrr - current_mrr"), "previous_mrr", "current_mrr"),
                exact("churned_mrr(" + MRR + ")", movement("previous_mrr > 0 AND current_mrr = 0", "previous_mrr"), "previous_mrr", "current_mrr"),
                exact("net_new_mrr(" + MRR + ")", "sum(current_mrr - previous_mrr)", "previous_mrr", "current_mrr"),
                exact("net_revenue_retention(" + MRR + ")", "100e0 * sum(IF(previous_mrr > 0, current_mrr)) / nullif(" + START_MRR + ", 0)", "previous_mrr", "current_mrr"),
                exact("gross_revenue_retention(" + MRR + ")", "100e0 * sum(IF(previous_mrr > 0, least(previous_mrr, current_mrr))) / nullif(" + START_MRR + ", 0)", "previous_mrr", "current_mrr"),
                exact("saas_quick_ratio(" + MRR + ")", movement("current_mrr > previous_mrr", "current_mrr - previous_mrr") + " / nullif(" + movement("current_mrr < previous_mrr", "previous_mrr - current_mrr") + ", 0)",
                        "previous_mrr", "current_mrr"),
                exact("cac(cost, new_customers)", "sum(cost) / nullif(sum(new_customers), 0)", "cost", "new_customers"),
                exact("cac(cost, cost2, new_customers)", "(sum(cost) + sum(cost2)) / nullif(sum(new_customers), 0)", "cost", "cost2", "new_customers"),
                exact("customer_retention_cost(cost, n2)", "sum(cost) / nullif(sum(n2), 0)", "cost", "n2"),
                exact("cost_per_lead(cost, n1)", "sum(cost) / nullif(sum(n1), 0)", "cost", "n1"),
                exact("romi(amount, cost)", "100e0 * (sum(amount) - sum(cost)) / nullif(sum(cost), 0)", "amount", "cost"),
                exact("market_share(cost, amount)", "100e0 * sum(cost) / nullif(sum(amount), 0)", "cost", "amount"),
                exact("avg_session_duration(started_at, ended_at)", "avg(date_diff('millisecond', started_at, ended_at)) / 1000", "started_at", "ended_at"),
                exact("pages_per_session(session_id)", "CAST(count(session_id) AS double) / nullif(count(DISTINCT session_id), 0)", "session_id"),
                exact("pages_per_session(session_name)", "CAST(count(session_name) AS double) / nullif(count(DISTINCT session_name), 0)", "session_name"),
                exact("bounce_rate(pageviews)", "100e0 * count_if(pageviews = 1) / nullif(count(pageviews), 0)", "pageviews"),
                exact("conversion_rate(flag)", "100e0 * count_if(flag) / nullif(count(flag), 0)", "flag"),
                exact("conversion_rate(n1, n2)", "100e0 * sum(n1) / nullif(sum(n2), 0)", "n1", "n2"),
                exact("cart_abandonment_rate(flag)", "100e0 * count_if(NOT flag) / nullif(count(flag), 0)", "flag"),
                exact("return_rate(n1, n2)", "100e0 * sum(n1) / nullif(sum(n2), 0)", "n1", "n2"),
                exact("engagement_rate(n1, n2)", "100e0 * sum(n1) / nullif(sum(n2), 0)", "n1", "n2"),
                exact("click_through_rate(n1, n2)", "100e0 * sum(n1) / nullif(sum(n2), 0)", "n1", "n2"),
                exact("open_rate(n1, n2)", "100e0 * sum(n1) / nullif(sum(n2), 0)", "n1", "n2"),
                exact("first_contact_resolution_rate(flag)", "100e0 * count_if(flag) / nullif(count(flag), 0)", "flag"),
                exact("time_to_value(started_at, ended_at)", "avg(date_diff('millisecond', started_at, ended_at)) / 1000", "started_at", "ended_at")));
        // the distinct-id functions, with BIGINT and with VARCHAR ids
        for (String[] ids : new String[][] {{"user_id", "session_id"}, {"user_name", "session_name"}}) {
            String user = ids[0];
            String session = ids[1];
            String userDays = "count(DISTINCT CAST(" + user + " AS varchar) || '|' || CAST(activity_date AS varchar))";
            pairs.add(exact("arpu(amount, " + user + ")", "sum(amount) / nullif(count(DISTINCT " + user + "), 0)", "amount", user));
            pairs.add(exact("arppu(amount, " + user + ")", "sum(amount) / nullif(count(DISTINCT IF(amount > 0, " + user + ")), 0)", "amount", user));
            pairs.add(exact("dau_mau(" + user + ", activity_date)", "100e0 * " + userDays + " / (" + DAYS + " * nullif(count(DISTINCT " + user + "), 0))", user, "activity_date"));
            pairs.add(new Pair("approx_dau_mau(" + user + ", activity_date)", "100e0 * " + userDays + " / (" + DAYS + " * nullif(count(DISTINCT " + user + "), 0))", APPROXIMATE,
                    user, "activity_date"));
            pairs.add(exact("sessions_per_user(" + session + ", " + user + ")", "CAST(count(DISTINCT " + session + ") AS double) / nullif(count(DISTINCT " + user + "), 0)", session, user));
            pairs.add(exact("feature_adoption_rate(" + user + ", flag)", "100e0 * count(DISTINCT IF(flag, " + user + ")) / nullif(count(DISTINCT " + user + "), 0)", user, "flag"));
        }
        return pairs;
    }

    @Test
    void datasetsHaveEveryShape()
    {
        MaterializedRow row = runner.execute(SESSION, """
                SELECT count(DISTINCT dataset), count(*), count_if(score IS NULL), count_if(user_id IS NULL),
                       count(DISTINCT grp), max(pageviews), count_if(previous_mrr = 0), count_if(current_mrr = previous_mrr AND previous_mrr > 0)
                FROM differential
                """).getMaterializedRows().get(0);
        assertThat((long) row.getField(0)).isEqualTo(datasets.size());
        assertThat((long) row.getField(2)).isPositive();
        assertThat((long) row.getField(3)).isPositive();
        assertThat((long) row.getField(4)).isEqualTo(4);
        assertThat((long) row.getField(5)).isGreaterThan(1);
        assertThat((long) row.getField(6)).isPositive();
        assertThat((long) row.getField(7)).isPositive();
    }

    @TestFactory
    Stream<DynamicTest> everyAggregateEqualsItsPlainSql()
    {
        return pairs().stream().map(pair -> DynamicTest.dynamicTest(pair.kpi(), () -> assertAgrees(pair)));
    }

    private void assertAgrees(Pair pair)
    {
        Map<List<Object>, Object> kpi = groups("SELECT dataset, grp, " + pair.kpi() + " FROM differential GROUP BY dataset, grp");
        StringBuilder skipped = new StringBuilder("SELECT dataset, grp");
        String complete = String.join(" AND ", Stream.of(pair.arguments()).map(argument -> argument + " IS NOT NULL").toList());
        for (String argument : pair.arguments()) {
            skipped.append(", IF(").append(complete).append(", ").append(argument).append(") AS ").append(argument);
        }
        skipped.append(" FROM differential");
        Map<List<Object>, Object> plain = groups("SELECT dataset, grp, " + pair.plain() + " FROM (" + skipped + ") GROUP BY dataset, grp");
        assertThat(kpi.keySet()).as(pair.kpi()).isEqualTo(plain.keySet());
        int nulls = 0;
        for (Map.Entry<List<Object>, Object> group : kpi.entrySet()) {
            Object expected = plain.get(group.getKey());
            Object actual = group.getValue();
            String where = pair.kpi() + " for dataset " + group.getKey().get(0) + " (" + datasets.get((Long) group.getKey().get(0)) + "), group " + group.getKey().get(1);
            if (expected == null) {
                nulls++;
                assertThat(actual).as(where).isNull();
                continue;
            }
            assertThat(actual).as(where).isNotNull();
            double want = ((Number) expected).doubleValue();
            double got = ((Number) actual).doubleValue();
            assertThat(Math.abs(got - want)).as("%s: %s, plain SQL %s", where, got, want).isLessThanOrEqualTo(pair.tolerance() * Math.max(1e-300, Math.abs(want)) + 1e-12);
        }
        // the datasets reach both the NULL and the numeric paths
        assertThat(nulls).as(pair.kpi() + ": groups with a NULL answer").isPositive();
        assertThat(kpi.size() - nulls).as(pair.kpi() + ": groups with a number").isGreaterThan(kpi.size() / 4);
    }

    private Map<List<Object>, Object> groups(String sql)
    {
        Map<List<Object>, Object> answers = new HashMap<>();
        for (MaterializedRow row : runner.execute(SESSION, sql).getMaterializedRows()) {
            assertThat(answers.put(List.of(row.getField(0), row.getField(1)), row.getField(2) == null ? NULL : row.getField(2))).as(sql).isNull();
        }
        answers.replaceAll((key, value) -> value == NULL ? null : value);
        return answers;
    }

    private static final Object NULL = new Object();
}

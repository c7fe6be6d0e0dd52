package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.KpiEngine;
import dev.kpisql.calcite.csv.CsvOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The standard aggregates, the keys and the conditions the rule pushes into the scan, each
 * against Calcite's own plan over the same generated file (20,000 rows of every column type,
 * NULLs, NaN and infinities among the DOUBLEs, split into byte ranges of 4 KB on three threads),
 * the queries the rule leaves to Calcite, the order of errors, and the switch.
 */
@TestInstance(PER_CLASS)
final class ParallelAggregateTest
{
    private static final int ROWS = 20_000;

    private Path directory;
    private PlanComparison plans;

    @BeforeAll
    void writeTable(@TempDir Path directory)
            throws IOException, SQLException
    {
        this.directory = directory;
        Random random = new Random(19);
        List<List<Object>> rows = new ArrayList<>();
        String[] segments = {"smb", "mid_market", "enterprise", "Zoë's team"};
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0};
        for (int i = 0; i < ROWS; i++) {
            LocalDate day = LocalDate.of(2024, 11, 1).plusDays(random.nextInt(120));
            rows.add(Arrays.asList(
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(11),
                    random.nextInt(12) == 0 ? null : random.nextInt(100_000) / 100.0,
                    // a column for equality, grouping and distinct counts: the DOUBLEs Java compares unlike SQL
                    random.nextInt(50) == 0 ? specials[random.nextInt(specials.length)] : (double) random.nextInt(20),
                    random.nextInt(9) == 0 ? null : (long) random.nextInt(2_000),
                    random.nextInt(15) == 0 ? null : segments[random.nextInt(segments.length)],
                    random.nextInt(8) == 0 ? null : random.nextBoolean(),
                    random.nextInt(20) == 0 ? null : day,
                    random.nextInt(20) == 0 ? null : day.atStartOfDay().plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(1000) * 1_000_000L),
                    random.nextInt(30) == 0 ? null : (random.nextBoolean() ? "month" : "annual"),
                    (long) i));
        }
        PlanComparison.writeCsv(directory.resolve("t.csv"),
                List.of("score", "amount", "x", "user_id", "segment", "paid", "day", "at", "period", "n"), rows);
        plans = PlanComparison.over(directory, 3, 4096, false);
    }

    @AfterAll
    void close()
            throws SQLException
    {
        plans.close();
    }

    /** Queries the rule pushes into the scan. */
    private static final List<String> PUSHED = List.of(
            "SELECT count(*), count(score), count(amount), count(segment), count(paid), count(day), count(at), count(score, amount) FROM t",
            "SELECT count(DISTINCT score), count(DISTINCT x), count(DISTINCT user_id), count(DISTINCT segment), count(DISTINCT paid), count(DISTINCT day), count(DISTINCT at) FROM t",
            "SELECT sum(score), sum(amount), sum(x), sum(n), avg(amount), avg(score) FROM t",
            "SELECT min(score), max(score), min(amount), max(amount), min(day), max(day), min(at), max(at), min(segment), max(segment) FROM t",
            "SELECT segment, count(*), sum(amount), nps(score), mrr(amount, period) FROM t GROUP BY segment ORDER BY segment",
            "SELECT paid, segment, count(*), avg(amount) FROM t GROUP BY paid, segment ORDER BY paid, segment",
            "SELECT x, count(*), count(DISTINCT user_id) FROM t GROUP BY x ORDER BY x",
            "SELECT day, dau_mau(user_id, day), approx_dau_mau(user_id, day) FROM t GROUP BY day ORDER BY day",
            "SELECT at, count(*) FROM t GROUP BY at ORDER BY at",
            "SELECT EXTRACT(YEAR FROM day), EXTRACT(QUARTER FROM day), EXTRACT(MONTH FROM at), EXTRACT(DAY FROM at), count(*), nps(score) FROM t"
                    + " GROUP BY EXTRACT(YEAR FROM day), EXTRACT(QUARTER FROM day), EXTRACT(MONTH FROM at), EXTRACT(DAY FROM at) ORDER BY 1, 2, 3, 4",
            "SELECT (EXTRACT(MONTH FROM day) + 2) / 3 AS q, score * 2 - 1, count(*) FROM t GROUP BY (EXTRACT(MONTH FROM day) + 2) / 3, score * 2 - 1 ORDER BY 1, 2",
            "SELECT sum(amount * 2 + score), sum(amount / 3), max(x * x) FROM t",
            // NaN and -0.0 make Calcite's min and max of DOUBLEs depend on the order of the rows
            "SELECT segment, min(x), max(x), count(*) FROM t GROUP BY segment ORDER BY segment",
            "SELECT count(*) FROM t WHERE day >= DATE '2025-01-01' AND day < DATE '2025-02-01'",
            "SELECT count(*), sum(amount) FROM t WHERE at > TIMESTAMP '2025-01-15 12:00:00' OR at IS NULL",
            "SELECT count(*) FROM t WHERE segment IN ('smb', 'Zoë''s team') AND score BETWEEN 3 AND 8",
            "SELECT count(*) FROM t WHERE NOT (segment = 'smb') OR paid",
            "SELECT count(*) FROM t WHERE segment <> 'smb' AND NOT paid",
            "SELECT count(*) FROM t WHERE paid IS NOT TRUE AND amount IS NOT NULL",
            "SELECT count(*) FROM t WHERE paid IS FALSE OR paid IS NOT FALSE",
            "SELECT count(*), count(x) FROM t WHERE x = 0 OR x <> 3 OR x < 2",
            "SELECT count(*) FROM t WHERE x > 5 AND x <= 15",
            "SELECT count(*) FROM t WHERE amount > 9.99 AND amount < 500",
            "SELECT count(*) FROM t WHERE score = 10 OR score IS NULL",
            "SELECT count(*) FROM t WHERE CAST(score AS DOUBLE) > 6.5",
            "SELECT segment, nps(score) FILTER (WHERE paid), count(*) FILTER (WHERE amount > 100), sum(amount) FILTER (WHERE day IS NULL) FROM t GROUP BY segment ORDER BY segment",
            "SELECT segment, csat(score + 1, 11), nps_margin_of_error(score, 0.9) FROM t WHERE score IS NOT NULL GROUP BY segment ORDER BY segment",
            "SELECT segment, nps(score) FROM t WHERE n < 0 GROUP BY segment",
            "SELECT churn_rate(paid), conversion_rate(paid), feature_adoption_rate(user_id, paid), arpu(amount, user_id), sessions_per_user(n, user_id) FROM t",
            "SELECT segment, avg_session_duration(at, at), time_to_value(at, at) FROM t GROUP BY segment ORDER BY segment",
            "SELECT segment, count(*) FROM t GROUP BY segment HAVING count(*) > 1000 ORDER BY segment",
            "SELECT DISTINCT segment FROM t ORDER BY segment",
            "SELECT stddev_pop(amount), var_samp(amount) FROM t");

    /** Queries the rule leaves to Calcite: other functions, expressions and shapes. */
    private static final List<String> LEFT = List.of(
            "SELECT segment, sum(CASE WHEN paid THEN amount ELSE 0 END) FROM t GROUP BY segment ORDER BY segment",
            "SELECT upper(segment), count(*) FROM t GROUP BY upper(segment) ORDER BY 1",
            "SELECT nps_category(score), count(*) FROM t GROUP BY nps_category(score) ORDER BY 1",
            "SELECT segment, count(*) FROM t GROUP BY GROUPING SETS ((segment), ()) ORDER BY segment",
            "SELECT count(*) FROM t WHERE segment LIKE 's%'",
            "SELECT count(*) FROM t WHERE segment < 'n'",
            "SELECT count(*) FROM t WHERE score > 6.5",
            "SELECT count(*) FROM t a JOIN t b ON a.n = b.n WHERE a.score > 9",
            "SELECT segment, nps(score) OVER (PARTITION BY segment) FROM t WHERE n < 5 ORDER BY n");

    /** Queries whose plan is Calcite's choice (DISTINCT aggregates become aggregates of aggregates, a false condition no scan at all). */
    private static final List<String> EITHER = List.of(
            "SELECT sum(DISTINCT score), nps(DISTINCT score) FROM t",
            "SELECT segment, count(DISTINCT score), count(DISTINCT user_id), nps(score) FROM t GROUP BY segment ORDER BY segment",
            "SELECT count(*), nps(score) FROM t WHERE 1 = 0");

    @TestFactory
    Stream<DynamicTest> pushedAggregationsAnswerAsCalcitesOwnPlanDoes()
    {
        return PUSHED.stream().map(sql -> DynamicTest.dynamicTest(sql, () -> {
            assertThat(plans.pushedDown(sql)).as("pushed into the scan: %s%n%s", sql, PlanComparison.plan(plans.parallel, sql)).isTrue();
            plans.assertSame(sql);
        }));
    }

    @TestFactory
    Stream<DynamicTest> otherQueriesStayWithCalcitesOwnPlan()
    {
        return LEFT.stream().map(sql -> DynamicTest.dynamicTest(sql, () -> {
            assertThat(plans.pushedDown(sql)).as("left to Calcite: %s%n%s", sql, PlanComparison.plan(plans.parallel, sql)).isFalse();
            plans.assertSame(sql);
        }));
    }

    @TestFactory
    Stream<DynamicTest> queriesEitherPlanMayTakeAnswerAlike()
    {
        return EITHER.stream().map(sql -> DynamicTest.dynamicTest(sql, () -> plans.assertSame(sql)));
    }

    @Test
    void theAnswerDoesNotDependOnTheThreadsOrTheSplitAndGroupsComeInTheOrderOfTheFile()
            throws SQLException
    {
        String sql = "SELECT segment, paid, count(*), sum(amount), sum(score), min(at), mrr(amount), nps(score), dau_mau(user_id, day), count(DISTINCT user_id) FROM t GROUP BY segment, paid";
        List<List<Object>> reference;
        try (Connection one = PlanComparison.connect(directory, true, 1, 1L << 30, false)) {
            reference = PlanComparison.rows(one, sql);
        }
        assertThat(reference).hasSize(15);
        // the groups in the order of their first rows in the file
        assertThat(reference.get(0).subList(0, 2)).isEqualTo(firstKey());
        for (int threads : new int[] {2, 3, 7}) {
            for (long split : new long[] {1_000, 7_777, 100_000}) {
                try (Connection connection = PlanComparison.connect(directory, true, threads, split, false)) {
                    assertThat(PlanComparison.same(PlanComparison.rows(connection, sql), reference)).as("%d threads, ranges of %d bytes", threads, split).isTrue();
                }
            }
        }
    }

    /** The (segment, paid) of the file's first row. */
    private List<Object> firstKey()
            throws SQLException
    {
        try (Connection connection = PlanComparison.connect(directory, false, 1, 0, false)) {
            return PlanComparison.rows(connection, "SELECT segment, paid FROM t WHERE n = 0").get(0);
        }
    }

    @Test
    void keptColumnsAnswerTheNextQueryAndAChangedFileIsReadAgain(@TempDir Path data)
            throws IOException, SQLException
    {
        Path file = data.resolve("survey.csv");
        Files.writeString(file, "score\n9\n10\n3\n7\n");
        try (Connection connection = PlanComparison.connect(data, true, 2, 0, true)) {
            assertThat(PlanComparison.rows(connection, "SELECT nps(score) FROM survey")).containsExactly(List.of(25.0));
            assertThat(PlanComparison.rows(connection, "SELECT count(*), nps(score) FROM survey")).containsExactly(List.of(4L, 25.0));
            Files.writeString(file, "score\n9\n10\n3\n7\n10\n");
            // 3 promoters, 1 detractor of 5
            assertThat(PlanComparison.rows(connection, "SELECT count(*), nps(score) FROM survey")).containsExactly(List.of(5L, 40.0));
        }
    }

    @Test
    void theFirstBadValueInTheFileIsTheErrorWhateverTheRangesAndCalls(@TempDir Path data)
            throws IOException, SQLException
    {
        List<String> lines = new ArrayList<>(List.of("a,b"));
        for (int i = 0; i < 30_000; i++) {
            lines.add((i % 11) + "," + (i % 11));
        }
        // data row r is line r + 1; the sample (10,000 rows) is clean
        lines.set(12_000, "13,5");
        lines.set(15_000, "5,12");
        lines.set(25_000, "5,x");
        Files.write(data.resolve("t.csv"), lines);
        PlanComparison local = PlanComparison.over(data, 3, 2_000, false);
        try {
            // b's error comes later in the file than a's, and the other way round
            assertThat(local.assertSame("SELECT nps(b), nps(a) FROM t").error()).isEqualTo("nps: score 13 is outside 0..10");
            assertThat(local.assertSame("SELECT nps(a), nps(b) FROM t WHERE a <> 13").error()).isEqualTo("nps: score 12 is outside 0..10");
            // a bad CSV value after the bad score, and before it
            assertThat(local.assertSame("SELECT count(*), nps(b) FROM t WHERE a <> 13").error()).isEqualTo("nps: score 12 is outside 0..10");
            assertThat(local.assertSame("SELECT count(*), nps(b) FROM t WHERE a < 5").error()).isEqualTo("t.csv: line 25001, column 'b': 'x' is not a BIGINT");
            assertThat(local.pushedDown("SELECT nps(b), nps(a) FROM t")).isTrue();
        }
        finally {
            local.close();
        }
    }

    @Test
    void theSwitchLeavesEveryAggregationToCalcite()
            throws SQLException
    {
        String sql = "SELECT segment, nps(score) FROM t GROUP BY segment";
        assertThat(PlanComparison.plan(plans.parallel, sql)).contains("ParallelAggregate");
        assertThat(PlanComparison.plan(plans.calcite, sql)).doesNotContain("ParallelAggregate").contains("EnumerableAggregate");
        Properties off = new Properties();
        off.setProperty(CsvOptions.PUSHDOWN, "off");
        try (Connection connection = KpiEngine.connect(directory, off)) {
            assertThat(PlanComparison.plan(connection, sql)).doesNotContain("ParallelAggregate");
        }
    }

    @Test
    void aBadSettingIsAnErrorNamingIt()
    {
        Properties threads = new Properties();
        threads.setProperty(CsvOptions.THREADS, "many");
        assertThatThrownBy(() -> KpiEngine.connect(directory, threads)).isInstanceOf(SQLException.class)
                .hasMessage("kpi.threads must be a positive integer up to 4096: 'many'");
        Properties pushdown = new Properties();
        pushdown.setProperty(CsvOptions.PUSHDOWN, "maybe");
        assertThatThrownBy(() -> KpiEngine.connect(directory, pushdown)).isInstanceOf(SQLException.class)
                .hasMessage("kpi.pushdown must be true or false (on or off): 'maybe'");
    }

    @Test
    void timestampsKeepTheirMillisecondsAsGroupKeys()
            throws SQLException
    {
        List<List<Object>> rows = PlanComparison.rows(plans.parallel, "SELECT at, count(*) FROM t WHERE at IS NOT NULL GROUP BY at ORDER BY at LIMIT 3");
        List<List<Object>> expected = PlanComparison.rows(plans.calcite, "SELECT at, count(*) FROM t WHERE at IS NOT NULL GROUP BY at ORDER BY at LIMIT 3");
        assertThat(rows).isEqualTo(expected);
        assertThat(rows.get(0).get(0)).isInstanceOf(java.sql.Timestamp.class);
        assertThat(((java.sql.Timestamp) rows.get(0).get(0)).toLocalDateTime()).isAfter(LocalDateTime.of(2024, 11, 1, 0, 0));
    }
}

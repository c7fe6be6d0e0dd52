package dev.kpisql.trino.survey;

import dev.kpisql.trino.KpiQueryRunner;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@code nps}, {@code nps_margin_of_error} and {@code nps_category} in SQL on a three-node
 * cluster: every shape of aggregation the contract names (C7), NULLs and empty groups (C2),
 * every contract error (C5), agreement with the same KPI written in plain SQL over tpch, and
 * the same answers on one node (C6).
 */
@TestInstance(PER_CLASS)
final class TestNpsAggregation
{
    /** Group a: 9, 10, 3 (two promoters, a detractor); group b: 7, 0 (a passive, a detractor). */
    private static final String SCORES = "(VALUES ('a', 'x', 1, 9), ('a', 'y', 2, 10), ('a', 'x', 3, 3), ('b', 'y', 1, 7), ('b', 'x', 2, 0)) AS t(g, h, o, score)";
    /** A 0..10 score from tpch: quantity is 1..50. */
    private static final String LINEITEM_SCORES = "(SELECT returnflag AS flag, suppkey AS supplier, CAST(quantity AS bigint) % 11 AS score FROM lineitem)";

    private QueryRunner runner;
    private QueryAssertions assertions;

    @BeforeAll
    void startCluster()
            throws Exception
    {
        runner = KpiQueryRunner.distributed(2);
        assertions = new QueryAssertions(runner);
    }

    @AfterAll
    void stopCluster()
    {
        if (assertions != null) {
            assertions.close();
        }
    }

    @Test
    void groupBy()
    {
        assertThat(assertions.query("SELECT g, nps(score) FROM " + SCORES + " GROUP BY g"))
                .matches("VALUES ('a', 100e0 / 3), ('b', -50e0)");
    }

    @Test
    void doubleScoresEqualBigintScores()
    {
        assertThat(assertions.query("SELECT g, nps(CAST(score AS double)) FROM " + SCORES + " GROUP BY g"))
                .matches("VALUES ('a', 100e0 / 3), ('b', -50e0)");
        assertThat(assertions.query("SELECT nps(score) FROM (VALUES 9.0, 10.0, 3.0) AS t(score)"))
                .matches("VALUES 100e0 / 3");
    }

    @Test
    void smallerIntegerTypesCoerceToBigint()
    {
        assertThat(assertions.query("SELECT nps(CAST(score AS tinyint)), nps(CAST(score AS smallint)), nps(CAST(score AS integer)) FROM " + SCORES))
                .matches("VALUES (0e0, 0e0, 0e0)");
    }

    @Test
    void filter()
    {
        assertThat(assertions.query("SELECT g, nps(score) FILTER (WHERE score <> 3) FROM " + SCORES + " GROUP BY g"))
                .matches("VALUES ('a', 100e0), ('b', -50e0)");
    }

    @Test
    void filterThatRemovesEveryRowOfAGroupGivesNull()
    {
        assertThat(assertions.query("SELECT g, nps(score) FILTER (WHERE score > 8) FROM " + SCORES + " GROUP BY g"))
                .matches("VALUES ('a', 100e0), ('b', CAST(NULL AS double))");
    }

    @Test
    void groupingSets()
    {
        // h = 'x': 9, 3, 0 → (1 − 2) / 3; h = 'y': 10, 7 → 1 / 2; all: 2 promoters, 2 detractors of 5
        assertThat(assertions.query("SELECT g, h, nps(score) FROM " + SCORES + " GROUP BY GROUPING SETS ((g), (h), ())"))
                .matches("""
                        VALUES
                            ('a', CAST(NULL AS varchar(1)), 100e0 / 3),
                            ('b', NULL, -50e0),
                            (NULL, 'x', -100e0 / 3),
                            (NULL, 'y', 50e0),
                            (NULL, NULL, 0e0)
                        """);
    }

    @Test
    void runningWindow()
    {
        assertThat(assertions.query("SELECT g, o, nps(score) OVER (PARTITION BY g ORDER BY o) FROM " + SCORES))
                .matches("VALUES ('a', 1, 100e0), ('a', 2, 100e0), ('a', 3, 100e0 / 3), ('b', 1, 0e0), ('b', 2, -50e0)");
    }

    @Test
    void slidingWindow()
    {
        assertThat(assertions.query("SELECT g, o, nps(score) OVER (PARTITION BY g ORDER BY o ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM " + SCORES))
                .matches("VALUES ('a', 1, 100e0), ('a', 2, 100e0), ('a', 3, 0e0), ('b', 1, 0e0), ('b', 2, -50e0)");
    }

    @Test
    void nullScoresAreSkipped()
    {
        assertThat(assertions.query("SELECT nps(score) FROM (VALUES 10, NULL, 6, 8) AS t(score)"))
                .matches("VALUES 0e0");
        assertThat(assertions.query("SELECT nps(score) FROM (VALUES 9, NULL) AS t(score)"))
                .matches("VALUES 100e0");
    }

    @Test
    void emptyGroupsGiveNull()
    {
        assertThat(assertions.query("SELECT nps(score), nps_margin_of_error(score), nps_margin_of_error(score, 0.9) FROM " + SCORES + " WHERE score > 10"))
                .matches("VALUES (CAST(NULL AS double), CAST(NULL AS double), CAST(NULL AS double))");
        assertThat(assertions.query("SELECT nps(score) FROM (VALUES CAST(NULL AS bigint)) AS t(score)"))
                .matches("VALUES CAST(NULL AS double)");
    }

    @Test
    void marginOfErrorNeedsTwoResponses()
    {
        assertThat(assertions.query("SELECT nps_margin_of_error(score), nps_margin_of_error(score, 0.8) FROM (VALUES 9) AS t(score)"))
                .matches("VALUES (CAST(NULL AS double), CAST(NULL AS double))");
    }

    @Test
    void marginOfErrorAcceptsADecimalConfidence()
    {
        // 0.8 is a DECIMAL literal, coerced to DOUBLE
        assertThat(assertions.query("SELECT nps_margin_of_error(score, 0.8) = nps_margin_of_error(score, 0.8e0) FROM (VALUES 9, 10, 0) AS t(score)"))
                .matches("VALUES true");
    }

    @Test
    void category()
    {
        assertThat(assertions.query("SELECT nps_category(10), nps_category(9), nps_category(8), nps_category(7), nps_category(6), nps_category(0)"))
                .matches("VALUES (CAST('promoter' AS varchar), CAST('promoter' AS varchar), CAST('passive' AS varchar), CAST('passive' AS varchar), CAST('detractor' AS varchar), CAST('detractor' AS varchar))");
        assertThat(assertions.query("SELECT nps_category(9e0), nps_category(CAST(NULL AS bigint)), nps_category(CAST(NULL AS double))"))
                .matches("VALUES (CAST('promoter' AS varchar), CAST(NULL AS varchar), CAST(NULL AS varchar))");
    }

    @Test
    void categoryAgreesWithNps()
    {
        assertThat(assertions.query("""
                SELECT nps(score)
                FROM %s
                """.formatted(LINEITEM_SCORES)))
                .matches("""
                        SELECT 100e0 * (count_if(nps_category(score) = 'promoter') - count_if(nps_category(score) = 'detractor')) / count(*)
                        FROM %s
                        """.formatted(LINEITEM_SCORES));
    }

    @Test
    void invalidScores()
    {
        assertInvalid("SELECT nps(score) FROM (VALUES 9, 11) AS t(score)", "nps: score 11 is outside 0..10");
        assertInvalid("SELECT nps(score) FROM (VALUES -1) AS t(score)", "nps: score -1 is outside 0..10");
        assertInvalid("SELECT nps(score) FROM (VALUES 9.5e0) AS t(score)", "nps: score 9.5 is not a whole number");
        assertInvalid("SELECT nps(score) FROM (VALUES 10.5) AS t(score)", "nps: score 10.5 is not a whole number");
        assertInvalid("SELECT nps(score) FROM (VALUES 11e0) AS t(score)", "nps: score 11 is outside 0..10");
        assertInvalid("SELECT nps(nan())", "nps: score NaN is not a finite number");
        assertInvalid("SELECT nps(infinity())", "nps: score Infinity is not a finite number");
        assertInvalid("SELECT nps(-infinity())", "nps: score -Infinity is not a finite number");
        assertInvalid("SELECT g, nps(IF(score = 10, 15, score)) FROM " + SCORES + " GROUP BY g", "nps: score 15 is outside 0..10");
        assertInvalid("SELECT nps(IF(score = 10, 11, score)) OVER (PARTITION BY g ORDER BY o) FROM " + SCORES, "nps: score 11 is outside 0..10");
        assertInvalid("SELECT nps(score) FILTER (WHERE score > 10) FROM (VALUES 9, 12) AS t(score)", "nps: score 12 is outside 0..10");
        assertInvalid("SELECT nps_margin_of_error(score) FROM (VALUES 12) AS t(score)", "nps_margin_of_error: score 12 is outside 0..10");
        assertInvalid("SELECT nps_margin_of_error(score, 0.95) FROM (VALUES 12) AS t(score)", "nps_margin_of_error: score 12 is outside 0..10");
        assertInvalid("SELECT nps_margin_of_error(score, 0.95) FROM (VALUES 8.5e0) AS t(score)", "nps_margin_of_error: score 8.5 is not a whole number");
        assertInvalid("SELECT nps_category(11)", "nps_category: score 11 is outside 0..10");
        assertInvalid("SELECT nps_category(score) FROM (VALUES -3) AS t(score)", "nps_category: score -3 is outside 0..10");
        assertInvalid("SELECT nps_category(7.5e0)", "nps_category: score 7.5 is not a whole number");
        assertInvalid("SELECT nps_category(nan())", "nps_category: score NaN is not a finite number");
    }

    @Test
    void invalidConfidence()
    {
        assertInvalid("SELECT nps_margin_of_error(score, 1) FROM (VALUES 9) AS t(score)", "nps_margin_of_error: confidence 1 is outside the open interval 0..1");
        assertInvalid("SELECT nps_margin_of_error(score, 0) FROM (VALUES 9) AS t(score)", "nps_margin_of_error: confidence 0 is outside the open interval 0..1");
        assertInvalid("SELECT nps_margin_of_error(score, 1.5e0) FROM (VALUES 9) AS t(score)", "nps_margin_of_error: confidence 1.5 is outside the open interval 0..1");
        assertInvalid("SELECT nps_margin_of_error(score, -0.5) FROM (VALUES 9) AS t(score)", "nps_margin_of_error: confidence -0.5 is outside the open interval 0..1");
        assertInvalid("SELECT nps_margin_of_error(9, nan())", "nps_margin_of_error: confidence NaN is not a finite number");
        assertThat(assertions.query("SELECT nps_margin_of_error(score, confidence) FROM (VALUES (9, 0.8e0), (3, 0.9e0)) AS t(score, confidence)"))
                .failure()
                .hasErrorCode(INVALID_FUNCTION_ARGUMENT)
                .hasMessageMatching("nps_margin_of_error: confidence must be constant within a group, got 0\\.[89] and 0\\.[89]");
    }

    @Test
    void tryTurnsAnInvalidScoreIntoNull()
    {
        // a user error, not an internal one: TRY catches it
        assertThat(assertions.query("SELECT TRY(nps_category(11))"))
                .matches("VALUES CAST(NULL AS varchar)");
    }

    @Test
    void agreesWithPlainSqlOverTpch()
    {
        assertThat(assertions.query("SELECT flag, nps(score), nps(CAST(score AS double)) FROM " + LINEITEM_SCORES + " GROUP BY flag"))
                .matches("""
                        SELECT flag,
                               100e0 * (count_if(score >= 9) - count_if(score <= 6)) / count(*),
                               100e0 * (count_if(score >= 9) - count_if(score <= 6)) / count(*)
                        FROM %s
                        GROUP BY flag
                        """.formatted(LINEITEM_SCORES));
    }

    @Test
    void marginOfErrorAgreesWithPlainSqlOverTpch()
    {
        // z(0.975) = 1.959963984540054, z(0.9) = 1.2815515655446004
        assertThat(assertions.query("""
                SELECT count_if(abs(moe95 - plain95) > 1e-9 * plain95), count_if(abs(moe80 - plain80) > 1e-9 * plain80), count(*)
                FROM (
                    SELECT
                        nps_margin_of_error(score) AS moe95,
                        nps_margin_of_error(score, 0.8) AS moe80,
                        1.959963984540054e0 * sqrt((p + d - (p - d) * (p - d)) / n) * 100 AS plain95,
                        1.2815515655446004e0 * sqrt((p + d - (p - d) * (p - d)) / n) * 100 AS plain80
                    FROM (
                        SELECT supplier, score,
                               count_if(score >= 9) OVER (PARTITION BY supplier) * 1e0 / count(*) OVER (PARTITION BY supplier) AS p,
                               count_if(score <= 6) OVER (PARTITION BY supplier) * 1e0 / count(*) OVER (PARTITION BY supplier) AS d,
                               count(*) OVER (PARTITION BY supplier) AS n
                        FROM %s)
                    GROUP BY supplier, p, d, n)
                """.formatted(LINEITEM_SCORES)))
                .matches("VALUES (BIGINT '0', BIGINT '0', BIGINT '100')");
    }

    @Test
    void singleNodeAndDistributedAgree()
    {
        String query = """
                SELECT supplier, flag,
                       nps(score), nps(CAST(score AS double)),
                       nps_margin_of_error(score), nps_margin_of_error(score, 0.9),
                       nps(score) FILTER (WHERE supplier %% 2 = 0)
                FROM %s
                GROUP BY GROUPING SETS ((supplier), (flag), (supplier, flag), ())
                """.formatted(LINEITEM_SCORES);
        try (QueryRunner singleNode = KpiQueryRunner.singleNode()) {
            var expected = singleNode.execute(query).getMaterializedRows();
            var actual = runner.execute(query).getMaterializedRows();
            assertThat(expected).hasSizeGreaterThan(100);
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private void assertInvalid(String sql, String message)
    {
        assertThat(assertions.query(sql))
                .failure()
                .hasErrorCode(INVALID_FUNCTION_ARGUMENT)
                .hasMessage(message);
    }
}

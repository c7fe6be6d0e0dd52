package dev.kpisql.trino;

import dev.kpisql.udfs.catalog.ReferenceVector;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.trino.spi.StandardErrorCode.FUNCTION_NOT_FOUND;
import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.testing.assertions.TrinoExceptionAssert.assertTrinoExceptionThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The experiment functions on a three-node cluster: the scipy reference vectors, ROW results read
 * in every form Trino's SQL offers, one aggregation for several fields (EXPLAIN), variants met
 * across workers, and agreement with the plain-SQL formulas over tpch through partial
 * aggregations.
 */
@TestInstance(PER_CLASS)
final class TestExperiments
{
    private static final Path VECTORS = Path.of(System.getProperty("kpi.root", "../..")).resolve("udfs/src/test/resources/experiments/reference-vectors.tsv");

    /** Control "b": 2 of 4 converted; treatment "a": 1 of 5 (the catalog's BIGINT example). */
    private static final String TABLE = "(VALUES (TRUE, 'b'), (TRUE, 'b'), (FALSE, 'b'), (FALSE, 'b'), (TRUE, 'a'), (FALSE, 'a'), (FALSE, 'a'), (FALSE, 'a'), (FALSE, 'a')) AS t(c, v)";
    private static final double Z = -0.9486832980505138;
    private static final double P = 0.34278171114791145;

    /** lineitem's returned ('R') against not yet returned ('N') items; converted means a discount above 5 %. */
    private static final String LINEITEM = "(SELECT discount > 0.05 AS converted, quantity, returnflag AS arm FROM tpch.tiny.lineitem WHERE returnflag IN ('N', 'R'))";

    private QueryRunner runner;

    @BeforeAll
    void startCluster()
            throws Exception
    {
        runner = KpiQueryRunner.distributed(2);
    }

    @AfterAll
    void stopCluster()
    {
        if (runner != null) {
            runner.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceVectorGivesItsAnswerOnThreeNodes()
    {
        return ReferenceVector.load(VECTORS).stream().map(vector -> DynamicTest.dynamicTest(vector.name(), () -> {
            Object actual = TrinoSignatures.answer(runner.execute(vector.sql()).getOnlyValue());
            assertThat(vector.matches(actual)).as("%s gave %s (%s), expected %s", vector.sql(), actual, actual == null ? null : actual.getClass(), vector.expected()).isTrue();
        }));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFieldIsReadFromTheCallOrFromASubqueryColumn()
    {
        String call = "two_proportion_z_test(c, v, 'b')";
        assertThat(single("SELECT (" + call + ").p_value FROM " + TABLE)).isCloseTo(P, within(1e-15));
        assertThat(single("SELECT " + call + ".z FROM " + TABLE)).isCloseTo(Z, within(1e-15));
        assertThat(single("SELECT s.r.z FROM (SELECT " + call + " AS r FROM " + TABLE + ") s")).isCloseTo(Z, within(1e-15));
        assertThat(single("SELECT (s.r).p_value FROM (SELECT " + call + " AS r FROM " + TABLE + ") s")).isCloseTo(P, within(1e-15));
        // unlike Calcite, Trino also reads an unqualified r.z as the field of column r
        assertThat(single("SELECT r.p_value FROM (SELECT " + call + " AS r FROM " + TABLE + ") s")).isCloseTo(P, within(1e-15));
        assertThat(single("SELECT (rate_interval_from_counts(3, 5)).lower")).isCloseTo(23.072428127601295, within(1e-12));
        // the whole row is a List of its field values in MaterializedResult
        assertThat((List<Object>) TrinoSignatures.answer(runner.execute("SELECT " + call + " FROM " + TABLE).getOnlyValue())).hasSize(7).startsWith(50.0, 20.0);
    }

    /** The fields of one call are one aggregation: the plan calls the function as often for two fields as for one. */
    @Test
    void severalFieldsOfOneCallAreOneAggregation()
    {
        String one = "EXPLAIN SELECT (two_proportion_z_test(converted, arm, 'N')).z FROM " + LINEITEM;
        String two = "EXPLAIN SELECT (two_proportion_z_test(converted, arm, 'N')).z, (two_proportion_z_test(converted, arm, 'N')).p_value,"
                + " two_proportion_z_test(converted, arm, 'N').lower FROM " + LINEITEM;
        int calls = calls((String) runner.execute(one).getOnlyValue());
        assertThat(calls).isPositive();
        assertThat(calls((String) runner.execute(two).getOnlyValue())).isEqualTo(calls);
    }

    private static int calls(String plan)
    {
        Matcher matcher = Pattern.compile("two_proportion_z_test\\(").matcher(plan);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Three returnflags met on different workers: the error names them in sorted order. */
    @Test
    void aThirdVariantMetAcrossWorkersFailsNamingThreeInSortedOrder()
    {
        assertTrinoExceptionThrownBy(() -> runner.execute("SELECT two_proportion_z_test(discount > 0.05, returnflag, 'N') FROM tpch.tiny.lineitem"))
                .hasErrorCode(INVALID_FUNCTION_ARGUMENT)
                .hasMessage("two_proportion_z_test: variant has more than two values: 'A', 'N' and 'R'; a test compares one treatment with the control");
    }

    @Test
    void aControlOfAnotherTypeThanTheVariantIsNoSignature()
    {
        assertTrinoExceptionThrownBy(() -> runner.execute("SELECT two_proportion_z_test(c, v, 1) FROM " + TABLE))
                .hasErrorCode(FUNCTION_NOT_FOUND);
    }

    @Test
    void groupByExperimentGivesOneTestPerExperiment()
    {
        MaterializedResult result = runner.execute("SELECT e, (two_proportion_z_test(c, v, 'b')).z FROM (VALUES ('x', TRUE, 'b'), ('x', TRUE, 'b'), ('x', FALSE, 'b'), ('x', FALSE, 'b'),"
                + " ('x', TRUE, 'a'), ('x', FALSE, 'a'), ('x', FALSE, 'a'), ('x', FALSE, 'a'), ('x', FALSE, 'a'), ('y', FALSE, 'a'), ('y', FALSE, 'b')) AS t(e, c, v)"
                + " GROUP BY e ORDER BY e");
        assertThat(result.getRowCount()).isEqualTo(2);
        assertThat((Double) result.getMaterializedRows().get(0).getField(1)).isCloseTo(Z, within(1e-15));
        assertThat(result.getMaterializedRows().get(1).getField(1)).isNull();
    }

    /**
     * Over 30,000 lineitems split across three nodes, the z-test and Welch's test agree with their
     * formulas written out in plain SQL (count_if, avg, var_samp, Trino's normal_cdf).
     */
    @Test
    void overTpchTheTestsAgreeWithTheirPlainSqlFormulas()
    {
        MaterializedRow z = runner.execute("""
                SELECT (two_proportion_z_test(converted, arm, 'N')).difference, (two_proportion_z_test(converted, arm, 'N')).z,
                       (two_proportion_z_test(converted, arm, 'N')).p_value
                FROM %s""".formatted(LINEITEM)).getMaterializedRows().get(0);
        MaterializedRow plainZ = runner.execute("""
                WITH arms AS (
                    SELECT CAST(count_if(arm = 'N') AS double) AS nc, CAST(count_if(arm = 'N' AND converted) AS double) AS kc,
                           CAST(count_if(arm = 'R') AS double) AS nt, CAST(count_if(arm = 'R' AND converted) AS double) AS kt
                    FROM %s),
                tests AS (
                    SELECT kt / nt - kc / nc AS d,
                           (kt / nt - kc / nc) / sqrt((kc + kt) / (nc + nt) * (1 - (kc + kt) / (nc + nt)) * (1 / nc + 1 / nt)) AS z
                    FROM arms)
                SELECT 100 * d, z, 2 * normal_cdf(0, 1, -abs(z)) FROM tests""".formatted(LINEITEM)).getMaterializedRows().get(0);
        for (int i = 0; i < 3; i++) {
            double expected = (Double) plainZ.getField(i);
            assertThat((Double) z.getField(i)).as("field %s", i).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
        }

        MaterializedRow t = runner.execute("""
                SELECT (welch_t_test(quantity, arm, 'N')).difference, (welch_t_test(quantity, arm, 'N')).t, (welch_t_test(quantity, arm, 'N')).df
                FROM %s""".formatted(LINEITEM)).getMaterializedRows().get(0);
        MaterializedRow plainT = runner.execute("""
                WITH arms AS (
                    SELECT avg(quantity) FILTER (WHERE arm = 'N') AS mc, var_samp(quantity) FILTER (WHERE arm = 'N') / count_if(arm = 'N') AS ac,
                           avg(quantity) FILTER (WHERE arm = 'R') AS mt, var_samp(quantity) FILTER (WHERE arm = 'R') / count_if(arm = 'R') AS at,
                           count_if(arm = 'N') AS nc, count_if(arm = 'R') AS nt
                    FROM %s)
                SELECT mt - mc, (mt - mc) / sqrt(ac + at), power(ac + at, 2) / (power(ac, 2) / (nc - 1) + power(at, 2) / (nt - 1)) FROM arms""".formatted(LINEITEM))
                .getMaterializedRows().get(0);
        for (int i = 0; i < 3; i++) {
            double expected = (Double) plainT.getField(i);
            assertThat((Double) t.getField(i)).as("field %s", i).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
        }
    }

    private double single(String sql)
    {
        Object value = runner.execute(sql).getOnlyValue();
        assertThat(value).as(sql).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }
}

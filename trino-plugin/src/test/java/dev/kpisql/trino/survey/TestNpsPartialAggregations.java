package dev.kpisql.trino.survey;

import dev.kpisql.trino.KpiPlugin;
import dev.kpisql.trino.HarnessTypes;
import io.trino.metadata.TestingFunctionResolution;
import org.junit.jupiter.api.Test;

import static io.trino.block.BlockAssertions.createDoublesBlock;
import static io.trino.block.BlockAssertions.createLongsBlock;
import static io.trino.operator.aggregation.AggregationTestUtils.assertAggregation;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;

/**
 * Trino's own aggregation harness: each case runs as one aggregation, as partial aggregations
 * whose states are serialized and combined, grouped, and over the two halves of the input,
 * and every way must give the same answer (contract C6).
 */
@SuppressWarnings("unchecked")
final class TestNpsPartialAggregations
{
    private static final TestingFunctionResolution FUNCTIONS = new TestingFunctionResolution(new KpiPlugin());

    @Test
    void npsOfBigintScores()
    {
        assertAggregation(FUNCTIONS, "nps", HarnessTypes.of(BIGINT), 100.0 / 3, createLongsBlock(9L, 10L, 3L));
        assertAggregation(FUNCTIONS, "nps", HarnessTypes.of(BIGINT), 0.0, createLongsBlock(10L, null, 6L, 8L));
        assertAggregation(FUNCTIONS, "nps", HarnessTypes.of(BIGINT), -100.0, createLongsBlock(0L, 1L, 2L, 3L, 4L, 5L, 6L));
    }

    @Test
    void npsOfDoubleScores()
    {
        assertAggregation(FUNCTIONS, "nps", HarnessTypes.of(DOUBLE), 100.0 / 3, createDoublesBlock(9.0, 10.0, 3.0));
    }

    @Test
    void npsOfNothingIsNull()
    {
        assertAggregation(FUNCTIONS, "nps", HarnessTypes.of(BIGINT), null, createLongsBlock(new Long[] {null, null}));
        assertAggregation(FUNCTIONS, "nps", HarnessTypes.of(BIGINT), null, createLongsBlock(new Long[0]));
    }

    @Test
    void marginOfError()
    {
        // 2 promoters, 1 detractor: z(0.975) × sqrt(8/27) × 100
        assertAggregation(FUNCTIONS, "nps_margin_of_error", HarnessTypes.of(BIGINT), 106.68692614122908, createLongsBlock(9L, 10L, 0L));
        assertAggregation(FUNCTIONS, "nps_margin_of_error", HarnessTypes.of(BIGINT, DOUBLE), 69.75883143664942,
                createLongsBlock(9L, 10L, 0L), createDoublesBlock(0.8, 0.8, 0.8));
        assertAggregation(FUNCTIONS, "nps_margin_of_error", HarnessTypes.of(DOUBLE, DOUBLE), 69.75883143664942,
                createDoublesBlock(9.0, 10.0, 0.0), createDoublesBlock(0.8, 0.8, 0.8));
    }
}

package dev.kpisql.trino.engagement;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.trino.ratio.CountRatioAggregationState;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.engagement.EngagementFunctions;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.function.AggregationFunction;
import io.trino.spi.function.AggregationState;
import io.trino.spi.function.CombineFunction;
import io.trino.spi.function.Description;
import io.trino.spi.function.InputFunction;
import io.trino.spi.function.OutputFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/**
 * {@code engagement_rate(engagements, impressions)}: the core's {@link dev.kpisql.udfs.ratio.CountRatio} over exact sums.
 */
@AggregationFunction("engagement_rate")
@Description(EngagementRateAggregation.DESCRIPTION)
public final class EngagementRateAggregation
{
    static final String DESCRIPTION = "Returns the engagement rate: engagements as a percentage of impressions";

    private EngagementRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountRatioAggregationState state, @SqlType(StandardTypes.BIGINT) long engagements, @SqlType(StandardTypes.BIGINT) long impressions)
    {
        try {
            EngagementFunctions.ENGAGEMENT_RATE.add(state, engagements, impressions);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountRatioAggregationState state, @AggregationState CountRatioAggregationState otherState)
    {
        try {
            EngagementFunctions.ENGAGEMENT_RATE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountRatioAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, EngagementFunctions.ENGAGEMENT_RATE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

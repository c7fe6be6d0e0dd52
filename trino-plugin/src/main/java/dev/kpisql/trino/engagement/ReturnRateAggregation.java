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
 * {@code return_rate(returned, purchased)}: the core's {@link dev.kpisql.udfs.ratio.CountRatio} over exact sums.
 */
@AggregationFunction("return_rate")
@Description(ReturnRateAggregation.DESCRIPTION)
public final class ReturnRateAggregation
{
    static final String DESCRIPTION = "Returns the return rate: returned items as a percentage of purchased items";

    private ReturnRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountRatioAggregationState state, @SqlType(StandardTypes.BIGINT) long returned, @SqlType(StandardTypes.BIGINT) long purchased)
    {
        try {
            EngagementFunctions.RETURN_RATE.add(state, returned, purchased);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountRatioAggregationState state, @AggregationState CountRatioAggregationState otherState)
    {
        try {
            EngagementFunctions.RETURN_RATE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountRatioAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, EngagementFunctions.RETURN_RATE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

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
 * {@code open_rate(opens, delivered)}: the core's {@link dev.kpisql.udfs.ratio.CountRatio} over exact sums.
 */
@AggregationFunction("open_rate")
@Description(OpenRateAggregation.DESCRIPTION)
public final class OpenRateAggregation
{
    static final String DESCRIPTION = "Returns the e-mail open rate: opened e-mails as a percentage of delivered ones";

    private OpenRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountRatioAggregationState state, @SqlType(StandardTypes.BIGINT) long opens, @SqlType(StandardTypes.BIGINT) long delivered)
    {
        try {
            EngagementFunctions.OPEN_RATE.add(state, opens, delivered);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountRatioAggregationState state, @AggregationState CountRatioAggregationState otherState)
    {
        try {
            EngagementFunctions.OPEN_RATE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountRatioAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, EngagementFunctions.OPEN_RATE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.engagement;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.trino.ratio.CountIfAggregationState;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.engagement.Bounce;
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
 * {@code bounce_rate(pageviews)}: the share of single-page sessions.
 */
@AggregationFunction("bounce_rate")
@Description(BounceRateAggregation.DESCRIPTION)
public final class BounceRateAggregation
{
    static final String DESCRIPTION = "Returns the bounce rate: the percentage of sessions with a single page view";

    private BounceRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountIfAggregationState state, @SqlType(StandardTypes.BIGINT) long pageviews)
    {
        try {
            Bounce.add(state, pageviews);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountIfAggregationState state, @AggregationState CountIfAggregationState otherState)
    {
        try {
            Bounce.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountIfAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, Bounce.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

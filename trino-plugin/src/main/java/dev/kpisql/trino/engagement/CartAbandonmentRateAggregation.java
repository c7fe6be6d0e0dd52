package dev.kpisql.trino.engagement;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.trino.ratio.CountIfAggregationState;
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
 * {@code cart_abandonment_rate(purchased)}: the core's {@link dev.kpisql.udfs.ratio.CountIf} share of rows.
 */
@AggregationFunction("cart_abandonment_rate")
@Description(CartAbandonmentRateAggregation.DESCRIPTION)
public final class CartAbandonmentRateAggregation
{
    static final String DESCRIPTION = "Returns the cart abandonment rate: the percentage of carts that were not bought";

    private CartAbandonmentRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountIfAggregationState state, @SqlType(StandardTypes.BOOLEAN) boolean purchased)
    {
        try {
            EngagementFunctions.CART_ABANDONMENT_RATE.add(state, purchased);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountIfAggregationState state, @AggregationState CountIfAggregationState otherState)
    {
        try {
            EngagementFunctions.CART_ABANDONMENT_RATE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountIfAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, EngagementFunctions.CART_ABANDONMENT_RATE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.revenue;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.revenue.RevenueFunctions;
import io.airlift.slice.Slice;
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
 * {@code arr(amount, billing_period)}: amounts normalised from their billing period to a month, summed.
 */
@AggregationFunction("arr")
@Description(ArrAggregation.DESCRIPTION)
public final class ArrAggregation
{
    static final String DESCRIPTION = "Returns annual recurring revenue: twelve times the monthly recurring revenue of amounts billed per period";

    private ArrAggregation() {}

    @InputFunction
    public static void input(@AggregationState MoneySumAggregationState state, @SqlType(StandardTypes.DOUBLE) double amount, @SqlType(StandardTypes.VARCHAR) Slice billingPeriod)
    {
        try {
            RevenueFunctions.ARR.add(state, amount, billingPeriod.byteArray(), billingPeriod.byteArrayOffset(), billingPeriod.length());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MoneySumAggregationState state, @AggregationState MoneySumAggregationState otherState)
    {
        try {
            RevenueFunctions.ARR.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MoneySumAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.ARR.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.retention;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.trino.ratio.CountRatioAggregationState;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.retention.RetentionFunctions;
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
 * {@code churn_rate(start_customers, lost_customers)}: the core's {@link dev.kpisql.udfs.ratio.CountRatio} over exact sums.
 */
@AggregationFunction("churn_rate")
@Description(ChurnRateAggregation.DESCRIPTION)
public final class ChurnRateAggregation
{
    static final String DESCRIPTION = "Returns the customer churn rate: lost customers as a percentage of the customers at the start of the period";

    private ChurnRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountRatioAggregationState state, @SqlType(StandardTypes.BIGINT) long startCustomers, @SqlType(StandardTypes.BIGINT) long lostCustomers)
    {
        try {
            RetentionFunctions.CHURN_RATE.add(state, startCustomers, lostCustomers);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountRatioAggregationState state, @AggregationState CountRatioAggregationState otherState)
    {
        try {
            RetentionFunctions.CHURN_RATE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountRatioAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RetentionFunctions.CHURN_RATE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.revenue;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.revenue.RevenueFunctions;
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
 * {@code gross_revenue_retention(previous_mrr, current_mrr)}: one measure of the core's {@link dev.kpisql.udfs.revenue.MrrMovements}.
 */
@AggregationFunction("gross_revenue_retention")
@Description(GrossRevenueRetentionAggregation.DESCRIPTION)
public final class GrossRevenueRetentionAggregation
{
    static final String DESCRIPTION = "Returns gross revenue retention: last period's MRR kept, ignoring expansion, as a percentage of it";

    private GrossRevenueRetentionAggregation() {}

    @InputFunction
    public static void input(@AggregationState MrrMovementAggregationState state, @SqlType(StandardTypes.DOUBLE) double previousMrr, @SqlType(StandardTypes.DOUBLE) double currentMrr)
    {
        try {
            RevenueFunctions.GROSS_REVENUE_RETENTION.add(state, previousMrr, currentMrr);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MrrMovementAggregationState state, @AggregationState MrrMovementAggregationState otherState)
    {
        try {
            RevenueFunctions.GROSS_REVENUE_RETENTION.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MrrMovementAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.GROSS_REVENUE_RETENTION.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

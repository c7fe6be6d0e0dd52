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
 * {@code saas_quick_ratio(previous_mrr, current_mrr)}: one measure of the core's {@link dev.kpisql.udfs.revenue.MrrMovements}.
 */
@AggregationFunction("saas_quick_ratio")
@Description(SaasQuickRatioAggregation.DESCRIPTION)
public final class SaasQuickRatioAggregation
{
    static final String DESCRIPTION = "Returns the SaaS quick ratio: MRR gained (new and expansion) per unit of MRR lost (contraction and churned)";

    private SaasQuickRatioAggregation() {}

    @InputFunction
    public static void input(@AggregationState MrrMovementAggregationState state, @SqlType(StandardTypes.DOUBLE) double previousMrr, @SqlType(StandardTypes.DOUBLE) double currentMrr)
    {
        try {
            RevenueFunctions.SAAS_QUICK_RATIO.add(state, previousMrr, currentMrr);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MrrMovementAggregationState state, @AggregationState MrrMovementAggregationState otherState)
    {
        try {
            RevenueFunctions.SAAS_QUICK_RATIO.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MrrMovementAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.SAAS_QUICK_RATIO.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

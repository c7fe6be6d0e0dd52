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
 * {@code contraction_mrr(previous_mrr, current_mrr)}: one measure of the core's {@link dev.kpisql.udfs.revenue.MrrMovements}.
 */
@AggregationFunction("contraction_mrr")
@Description(ContractionMrrAggregation.DESCRIPTION)
public final class ContractionMrrAggregation
{
    static final String DESCRIPTION = "Returns contraction MRR: the MRR lost from customers who pay less than last period but still pay";

    private ContractionMrrAggregation() {}

    @InputFunction
    public static void input(@AggregationState MrrMovementAggregationState state, @SqlType(StandardTypes.DOUBLE) double previousMrr, @SqlType(StandardTypes.DOUBLE) double currentMrr)
    {
        try {
            RevenueFunctions.CONTRACTION_MRR.add(state, previousMrr, currentMrr);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MrrMovementAggregationState state, @AggregationState MrrMovementAggregationState otherState)
    {
        try {
            RevenueFunctions.CONTRACTION_MRR.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MrrMovementAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.CONTRACTION_MRR.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

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
 * {@code cost_per_lead(campaign_cost, leads)}: spend per unit.
 */
@AggregationFunction("cost_per_lead")
@Description(CostPerLeadAggregation.DESCRIPTION)
public final class CostPerLeadAggregation
{
    static final String DESCRIPTION = "Returns the cost per lead: campaign spend per lead generated";

    private CostPerLeadAggregation() {}

    @InputFunction
    public static void input(@AggregationState MoneyPerCountAggregationState state, @SqlType(StandardTypes.DOUBLE) double campaignCost, @SqlType(StandardTypes.BIGINT) long leads)
    {
        try {
            RevenueFunctions.COST_PER_LEAD.add(state, campaignCost, leads);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MoneyPerCountAggregationState state, @AggregationState MoneyPerCountAggregationState otherState)
    {
        try {
            RevenueFunctions.COST_PER_LEAD.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MoneyPerCountAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.COST_PER_LEAD.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

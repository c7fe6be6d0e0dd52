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
 * {@code customer_retention_cost(retention_cost, customers)}: spend per unit.
 */
@AggregationFunction("customer_retention_cost")
@Description(CustomerRetentionCostAggregation.DESCRIPTION)
public final class CustomerRetentionCostAggregation
{
    static final String DESCRIPTION = "Returns the customer retention cost: retention spend per customer retained";

    private CustomerRetentionCostAggregation() {}

    @InputFunction
    public static void input(@AggregationState MoneyPerCountAggregationState state, @SqlType(StandardTypes.DOUBLE) double retentionCost, @SqlType(StandardTypes.BIGINT) long customers)
    {
        try {
            RevenueFunctions.CUSTOMER_RETENTION_COST.add(state, retentionCost, customers);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MoneyPerCountAggregationState state, @AggregationState MoneyPerCountAggregationState otherState)
    {
        try {
            RevenueFunctions.CUSTOMER_RETENTION_COST.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MoneyPerCountAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.CUSTOMER_RETENTION_COST.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

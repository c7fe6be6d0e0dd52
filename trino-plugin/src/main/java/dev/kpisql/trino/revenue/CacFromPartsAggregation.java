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
 * {@code cac(sales_cost, marketing_cost, new_customers)}: sales and marketing spend per new customer.
 */
@AggregationFunction("cac")
@Description(CacFromPartsAggregation.DESCRIPTION)
public final class CacFromPartsAggregation
{
    static final String DESCRIPTION = "Returns the customer acquisition cost from sales and marketing spend: their sum per new customer";

    private CacFromPartsAggregation() {}

    @InputFunction
    public static void input(@AggregationState MoneyPerCountAggregationState state, @SqlType(StandardTypes.DOUBLE) double salesCost, @SqlType(StandardTypes.DOUBLE) double marketingCost, @SqlType(StandardTypes.BIGINT) long newCustomers)
    {
        try {
            RevenueFunctions.CAC_FROM_PARTS.add(state, salesCost, marketingCost, newCustomers);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MoneyPerCountAggregationState state, @AggregationState MoneyPerCountAggregationState otherState)
    {
        try {
            RevenueFunctions.CAC_FROM_PARTS.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MoneyPerCountAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.CAC_FROM_PARTS.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

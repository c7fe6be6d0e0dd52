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
 * {@code cac(acquisition_cost, new_customers)}: spend per new customer.
 */
@AggregationFunction("cac")
@Description(CacAggregation.DESCRIPTION)
public final class CacAggregation
{
    static final String DESCRIPTION = "Returns the customer acquisition cost: acquisition spend per new customer";

    private CacAggregation() {}

    @InputFunction
    public static void input(@AggregationState MoneyPerCountAggregationState state, @SqlType(StandardTypes.DOUBLE) double acquisitionCost, @SqlType(StandardTypes.BIGINT) long newCustomers)
    {
        try {
            RevenueFunctions.CAC.add(state, acquisitionCost, newCustomers);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MoneyPerCountAggregationState state, @AggregationState MoneyPerCountAggregationState otherState)
    {
        try {
            RevenueFunctions.CAC.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MoneyPerCountAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.CAC.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

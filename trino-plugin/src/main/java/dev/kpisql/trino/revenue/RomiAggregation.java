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
 * {@code romi(attributed_revenue, marketing_cost)}: a percentage of two money sums.
 */
@AggregationFunction("romi")
@Description(RomiAggregation.DESCRIPTION)
public final class RomiAggregation
{
    static final String DESCRIPTION = "Returns the return on marketing investment: attributed revenue net of marketing spend, as a percentage of the spend";

    private RomiAggregation() {}

    @InputFunction
    public static void input(@AggregationState MoneyRatioAggregationState state, @SqlType(StandardTypes.DOUBLE) double attributedRevenue, @SqlType(StandardTypes.DOUBLE) double marketingCost)
    {
        try {
            RevenueFunctions.ROMI.add(state, attributedRevenue, marketingCost);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MoneyRatioAggregationState state, @AggregationState MoneyRatioAggregationState otherState)
    {
        try {
            RevenueFunctions.ROMI.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MoneyRatioAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.ROMI.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

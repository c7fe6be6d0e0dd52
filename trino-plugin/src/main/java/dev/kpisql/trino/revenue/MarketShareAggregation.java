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
 * {@code market_share(company_sales, industry_sales)}: a percentage of two money sums.
 */
@AggregationFunction("market_share")
@Description(MarketShareAggregation.DESCRIPTION)
public final class MarketShareAggregation
{
    static final String DESCRIPTION = "Returns the market share: company sales as a percentage of industry sales";

    private MarketShareAggregation() {}

    @InputFunction
    public static void input(@AggregationState MoneyRatioAggregationState state, @SqlType(StandardTypes.DOUBLE) double companySales, @SqlType(StandardTypes.DOUBLE) double industrySales)
    {
        try {
            RevenueFunctions.MARKET_SHARE.add(state, companySales, industrySales);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState MoneyRatioAggregationState state, @AggregationState MoneyRatioAggregationState otherState)
    {
        try {
            RevenueFunctions.MARKET_SHARE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState MoneyRatioAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RevenueFunctions.MARKET_SHARE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.ratio;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.ratio.CountRatio;
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
 * The template of every {@link CountRatio} function, e.g. {@code click_through_rate(clicks,
 * impressions)}: copy it to main with the catalog's name, arguments and description once the
 * catalog has the function. The kernel instance is a constant of the class; it carries the
 * function's name and its argument names for the error messages.
 */
@AggregationFunction("template_count_ratio")
@Description("Returns 100 × Σclicks / Σimpressions (a template for the CountRatio functions)")
public final class TemplateCountRatioAggregation
{
    private static final CountRatio KPI = CountRatio.numeratorFirst("template_count_ratio", "clicks", "impressions", 100);

    private TemplateCountRatioAggregation() {}

    @InputFunction
    public static void input(
            @AggregationState CountRatioAggregationState state,
            @SqlType(StandardTypes.BIGINT) long clicks,
            @SqlType(StandardTypes.BIGINT) long impressions)
    {
        try {
            KPI.add(state, clicks, impressions);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountRatioAggregationState state, @AggregationState CountRatioAggregationState otherState)
    {
        try {
            KPI.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountRatioAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, KPI.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

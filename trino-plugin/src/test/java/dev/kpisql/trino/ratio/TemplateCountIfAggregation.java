package dev.kpisql.trino.ratio;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.ratio.CountIf;
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
 * The template of every {@link CountIf} function, e.g. {@code conversion_rate(converted)} or,
 * with {@link CountIf#countingFalse}, {@code cart_abandonment_rate(purchased)}.
 */
@AggregationFunction("template_count_if")
@Description("Returns the percentage of TRUE rows (a template for the CountIf functions)")
public final class TemplateCountIfAggregation
{
    private static final CountIf KPI = CountIf.countingTrue("template_count_if");

    private TemplateCountIfAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountIfAggregationState state, @SqlType(StandardTypes.BOOLEAN) boolean converted)
    {
        try {
            KPI.add(state, converted);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountIfAggregationState state, @AggregationState CountIfAggregationState otherState)
    {
        try {
            KPI.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountIfAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, KPI.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

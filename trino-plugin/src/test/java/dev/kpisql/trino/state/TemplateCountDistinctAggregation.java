package dev.kpisql.trino.state;

import dev.kpisql.trino.KpiOutput;
import io.airlift.slice.Slice;
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
 * The template of an aggregate over an object state, with an id argument that is VARCHAR or
 * BIGINT (contract C9). A real function also wraps each call in
 * {@code try/catch (KpiException e) -> throw KpiErrors.toTrino(e)}; this stand-in throws none.
 */
@AggregationFunction("template_count_distinct")
@Description("Returns the number of distinct ids (a template for the object-state functions)")
public final class TemplateCountDistinctAggregation
{
    private TemplateCountDistinctAggregation() {}

    @InputFunction
    public static void varcharInput(@AggregationState TemplateDistinctState state, @SqlType(StandardTypes.VARCHAR) Slice userId)
    {
        state.get().add("v" + userId.toStringUtf8());
        state.changed();
    }

    @InputFunction
    public static void bigintInput(@AggregationState TemplateDistinctState state, @SqlType(StandardTypes.BIGINT) long userId)
    {
        state.get().add("b" + userId);
        state.changed();
    }

    @CombineFunction
    public static void combine(@AggregationState TemplateDistinctState state, @AggregationState TemplateDistinctState otherState)
    {
        state.get().merge(otherState.get());
        state.changed();
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState TemplateDistinctState state, BlockBuilder out)
    {
        KpiOutput.writeDouble(out, state.get().result());
    }
}

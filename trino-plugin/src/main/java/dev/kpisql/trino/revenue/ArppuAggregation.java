package dev.kpisql.trino.revenue;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
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
 * {@code arppu(revenue, user_id)}: revenue over distinct users, kept in the core's compact id sets.
 */
@AggregationFunction("arppu")
@Description(ArppuAggregation.DESCRIPTION)
public final class ArppuAggregation
{
    static final String DESCRIPTION = "Returns the average revenue per paying user: total revenue over the number of distinct users with revenue above 0";

    private ArppuAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState ArppuState state, @SqlType(StandardTypes.DOUBLE) double revenue, @SqlType(StandardTypes.BIGINT) long userId)
    {
        try {
            state.get().addRevenue(revenue, userId);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void varcharInput(@AggregationState ArppuState state, @SqlType(StandardTypes.DOUBLE) double revenue, @SqlType(StandardTypes.VARCHAR) Slice userId)
    {
        try {
            state.get().addRevenue(revenue, userId.byteArray(), userId.byteArrayOffset(), userId.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState ArppuState state, @AggregationState ArppuState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState ArppuState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

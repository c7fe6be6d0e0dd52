package dev.kpisql.trino.engagement;

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
 * {@code approx_dau_mau(user_id, activity_date)}: stickiness from the core's HyperLogLog sketches.
 */
@AggregationFunction("approx_dau_mau")
@Description(ApproxDauMauAggregation.DESCRIPTION)
public final class ApproxDauMauAggregation
{
    static final String DESCRIPTION = "Returns approximate stickiness (DAU/MAU) from mergeable sketches with bounded memory, within 2 % of dau_mau";

    private ApproxDauMauAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState ApproxDauMauState state, @SqlType(StandardTypes.BIGINT) long userId, @SqlType(StandardTypes.DATE) long activityDate)
    {
        try {
            state.get().add(userId, Math.toIntExact(activityDate));
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void varcharInput(@AggregationState ApproxDauMauState state, @SqlType(StandardTypes.VARCHAR) Slice userId, @SqlType(StandardTypes.DATE) long activityDate)
    {
        try {
            state.get().add(userId.byteArray(), userId.byteArrayOffset(), userId.length(), Math.toIntExact(activityDate));
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState ApproxDauMauState state, @AggregationState ApproxDauMauState otherState)
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
    public static void output(@AggregationState ApproxDauMauState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

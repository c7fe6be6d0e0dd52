package dev.kpisql.trino.events;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.events.AmountType;
import dev.kpisql.udfs.events.Clock;
import dev.kpisql.udfs.events.EventFunctions;
import io.airlift.slice.Slice;
import io.trino.spi.block.Block;
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
 * {@code window_funnel(window, ts, steps)}: the furthest funnel step reached within the window, by
 * ClickHouse's algorithm in the core. One input method per signature of S1: the window an INTERVAL
 * (milliseconds) or a BIGINT, ts a TIMESTAMP (microseconds at precision 3 and 6; lower precisions
 * widen to 3) or a BIGINT clock. An INTERVAL with a BIGINT clock is registered too, so that the core
 * answers with the contract's error rather than Trino with a missing signature.
 */
@AggregationFunction("window_funnel")
@Description(WindowFunnelAggregation.DESCRIPTION)
public final class WindowFunnelAggregation
{
    static final String DESCRIPTION = EventFunctions.WINDOW_FUNNEL_DESCRIPTION;

    private WindowFunnelAggregation() {}

    @InputFunction
    public static void intervalMillisecondInput(@AggregationState WindowFunnelState state, @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long window, @SqlType("timestamp(3)") long ts, @SqlType("array(boolean)") Block steps)
    {
        try {
            state.get().add(window, AmountType.INTERVAL, ts, Clock.TIMESTAMP, EventArrays.bits(steps), steps.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void intervalMicrosecondInput(@AggregationState WindowFunnelState state, @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long window, @SqlType("timestamp(6)") long ts, @SqlType("array(boolean)") Block steps)
    {
        try {
            state.get().add(window, AmountType.INTERVAL, ts, Clock.TIMESTAMP, EventArrays.bits(steps), steps.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void intervalBigintInput(@AggregationState WindowFunnelState state, @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long window, @SqlType(StandardTypes.BIGINT) long ts, @SqlType("array(boolean)") Block steps)
    {
        try {
            state.get().add(window, AmountType.INTERVAL, ts, Clock.BIGINT, EventArrays.bits(steps), steps.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintMillisecondInput(@AggregationState WindowFunnelState state, @SqlType(StandardTypes.BIGINT) long window, @SqlType("timestamp(3)") long ts, @SqlType("array(boolean)") Block steps)
    {
        try {
            state.get().add(window, AmountType.BIGINT, ts, Clock.TIMESTAMP, EventArrays.bits(steps), steps.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintMicrosecondInput(@AggregationState WindowFunnelState state, @SqlType(StandardTypes.BIGINT) long window, @SqlType("timestamp(6)") long ts, @SqlType("array(boolean)") Block steps)
    {
        try {
            state.get().add(window, AmountType.BIGINT, ts, Clock.TIMESTAMP, EventArrays.bits(steps), steps.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintBigintInput(@AggregationState WindowFunnelState state, @SqlType(StandardTypes.BIGINT) long window, @SqlType(StandardTypes.BIGINT) long ts, @SqlType("array(boolean)") Block steps)
    {
        try {
            state.get().add(window, AmountType.BIGINT, ts, Clock.BIGINT, EventArrays.bits(steps), steps.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState WindowFunnelState state, @AggregationState WindowFunnelState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.BIGINT)
    public static void output(@AggregationState WindowFunnelState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeBigint(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.events;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.events.AmountType;
import dev.kpisql.udfs.events.Clock;
import dev.kpisql.udfs.events.EventFunctions;
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
 * {@code session_count(ts, gap)}: the number of sessions, a new one after a pause longer than gap. As a
 * window function over rows in ts order (a running frame adds rows to one state and asks for the
 * answer after each) every row costs O(1): the core extends its last session in place.
 */
@AggregationFunction("session_count")
@Description(SessionCountAggregation.DESCRIPTION)
public final class SessionCountAggregation
{
    static final String DESCRIPTION = EventFunctions.SESSION_COUNT_DESCRIPTION;

    private SessionCountAggregation() {}

    @InputFunction
    public static void millisecondIntervalInput(@AggregationState SessionCountState state, @SqlType("timestamp(3)") long ts, @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long gap)
    {
        try {
            state.get().add(ts, Clock.TIMESTAMP, gap, AmountType.INTERVAL);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void millisecondBigintInput(@AggregationState SessionCountState state, @SqlType("timestamp(3)") long ts, @SqlType(StandardTypes.BIGINT) long gap)
    {
        try {
            state.get().add(ts, Clock.TIMESTAMP, gap, AmountType.BIGINT);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void microsecondIntervalInput(@AggregationState SessionCountState state, @SqlType("timestamp(6)") long ts, @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long gap)
    {
        try {
            state.get().add(ts, Clock.TIMESTAMP, gap, AmountType.INTERVAL);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void microsecondBigintInput(@AggregationState SessionCountState state, @SqlType("timestamp(6)") long ts, @SqlType(StandardTypes.BIGINT) long gap)
    {
        try {
            state.get().add(ts, Clock.TIMESTAMP, gap, AmountType.BIGINT);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintIntervalInput(@AggregationState SessionCountState state, @SqlType(StandardTypes.BIGINT) long ts, @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long gap)
    {
        try {
            state.get().add(ts, Clock.BIGINT, gap, AmountType.INTERVAL);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintBigintInput(@AggregationState SessionCountState state, @SqlType(StandardTypes.BIGINT) long ts, @SqlType(StandardTypes.BIGINT) long gap)
    {
        try {
            state.get().add(ts, Clock.BIGINT, gap, AmountType.BIGINT);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState SessionCountState state, @AggregationState SessionCountState otherState)
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
    public static void output(@AggregationState SessionCountState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeBigint(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

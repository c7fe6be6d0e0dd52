package dev.kpisql.trino.events;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
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
 * {@code sequence_count(pattern, ts, conditions)}: ClickHouse's pattern over the group's events, parsed once per
 * group and matched in the core. ts is a TIMESTAMP (microseconds at precision 3 and 6) or a BIGINT
 * clock; the pattern's UTF-8 bytes are compared with the group's without a String per row.
 */
@AggregationFunction("sequence_count")
@Description(SequenceCountAggregation.DESCRIPTION)
public final class SequenceCountAggregation
{
    static final String DESCRIPTION = EventFunctions.SEQUENCE_COUNT_DESCRIPTION;

    private SequenceCountAggregation() {}

    @InputFunction
    public static void millisecondInput(@AggregationState SequenceCountState state, @SqlType(StandardTypes.VARCHAR) Slice pattern, @SqlType("timestamp(3)") long ts, @SqlType("array(boolean)") Block conditions)
    {
        try {
            state.get().add(pattern.byteArray(), pattern.byteArrayOffset(), pattern.length(), ts, Clock.TIMESTAMP, EventArrays.bits(conditions), conditions.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void microsecondInput(@AggregationState SequenceCountState state, @SqlType(StandardTypes.VARCHAR) Slice pattern, @SqlType("timestamp(6)") long ts, @SqlType("array(boolean)") Block conditions)
    {
        try {
            state.get().add(pattern.byteArray(), pattern.byteArrayOffset(), pattern.length(), ts, Clock.TIMESTAMP, EventArrays.bits(conditions), conditions.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintInput(@AggregationState SequenceCountState state, @SqlType(StandardTypes.VARCHAR) Slice pattern, @SqlType(StandardTypes.BIGINT) long ts, @SqlType("array(boolean)") Block conditions)
    {
        try {
            state.get().add(pattern.byteArray(), pattern.byteArrayOffset(), pattern.length(), ts, Clock.BIGINT, EventArrays.bits(conditions), conditions.getPositionCount());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState SequenceCountState state, @AggregationState SequenceCountState otherState)
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
    public static void output(@AggregationState SequenceCountState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeBigint(out, (Long) state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

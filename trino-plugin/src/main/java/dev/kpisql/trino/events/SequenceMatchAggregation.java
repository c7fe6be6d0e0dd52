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
 * {@code sequence_match(pattern, ts, conditions)}: ClickHouse's pattern over the group's events, parsed once per
 * group and matched in the core. ts is a TIMESTAMP (microseconds at precision 3 and 6) or a BIGINT
 * clock; the pattern's UTF-8 bytes are compared with the group's without a String per row.
 */
@AggregationFunction("sequence_match")
@Description(SequenceMatchAggregation.DESCRIPTION)
public final class SequenceMatchAggregation
{
    static final String DESCRIPTION = EventFunctions.SEQUENCE_MATCH_DESCRIPTION;

    private SequenceMatchAggregation() {}

    @InputFunction
    public static void millisecondInput(@AggregationState SequenceMatchState state, @SqlType(StandardTypes.VARCHAR) Slice pattern, @SqlType("timestamp(3)") long ts, @SqlType("array(boolean)") Block conditions)
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
    public static void microsecondInput(@AggregationState SequenceMatchState state, @SqlType(StandardTypes.VARCHAR) Slice pattern, @SqlType("timestamp(6)") long ts, @SqlType("array(boolean)") Block conditions)
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
    public static void bigintInput(@AggregationState SequenceMatchState state, @SqlType(StandardTypes.VARCHAR) Slice pattern, @SqlType(StandardTypes.BIGINT) long ts, @SqlType("array(boolean)") Block conditions)
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
    public static void combine(@AggregationState SequenceMatchState state, @AggregationState SequenceMatchState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.BOOLEAN)
    public static void output(@AggregationState SequenceMatchState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeBoolean(out, (Boolean) state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

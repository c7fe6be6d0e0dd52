package dev.kpisql.trino.events;

import dev.kpisql.udfs.events.EventRetentionState;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.function.AccumulatorState;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.function.AccumulatorStateSerializer;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;

import static io.trino.spi.type.BigintType.BIGINT;

/**
 * {@code retention}'s primitive state: Trino generates its storage; between nodes it is one
 * BIGINT, the condition count above the 32 condition bits. Trino's generated serializer for two
 * fields writes a ROW, and reading one back builds a row object per group: 13 % of the CPU of a
 * {@code retention} over a million users.
 */
@AccumulatorStateMetadata(stateSerializerClass = EventRetentionAggregationState.Serializer.class, serializedType = StandardTypes.BIGINT)
public interface EventRetentionAggregationState
        extends AccumulatorState, EventRetentionState
{
    final class Serializer
            implements AccumulatorStateSerializer<EventRetentionAggregationState>
    {
        @Override
        public Type getSerializedType()
        {
            return BIGINT;
        }

        @Override
        public void serialize(EventRetentionAggregationState state, BlockBuilder out)
        {
            // the count is at most 32 and the bits fit in 32 (EventRetention.add masks them)
            BIGINT.writeLong(out, state.getConditionCount() << 32 | state.getConditionsMet());
        }

        @Override
        public void deserialize(Block block, int index, EventRetentionAggregationState state)
        {
            long packed = BIGINT.getLong(block, index);
            state.setConditionCount(packed >>> 32);
            state.setConditionsMet(packed & 0xffffffffL);
        }
    }
}

package dev.kpisql.trino.events;

import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import org.junit.jupiter.api.Test;

import static io.trino.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code retention}'s one-BIGINT state between nodes gives back every count and condition bit. */
final class TestEventRetentionStateSerializer
{
    @Test
    void everyCountAndBitSurvives()
    {
        long[][] states = {{0, 0}, {1, 0}, {1, 1}, {4, 0b1011}, {32, 0xffffffffL}, {32, 0x80000000L}, {31, 0x7fffffffL}};
        EventRetentionAggregationState.Serializer serializer = new EventRetentionAggregationState.Serializer();
        assertThat(serializer.getSerializedType()).isEqualTo(BIGINT);
        BlockBuilder out = BIGINT.createBlockBuilder(null, states.length);
        for (long[] values : states) {
            serializer.serialize(state(values[0], values[1]), out);
        }
        Block block = out.build();
        for (int i = 0; i < states.length; i++) {
            Retention read = state(0, 0);
            serializer.deserialize(block, i, read);
            assertThat(new long[] {read.getConditionCount(), read.getConditionsMet()}).as("state %d", i).containsExactly(states[i]);
        }
    }

    private static Retention state(long count, long met)
    {
        Retention state = new Retention();
        state.setConditionCount(count);
        state.setConditionsMet(met);
        return state;
    }

    private static final class Retention
            implements EventRetentionAggregationState
    {
        private long count;
        private long met;

        @Override
        public long getConditionsMet()
        {
            return met;
        }

        @Override
        public void setConditionsMet(long value)
        {
            met = value;
        }

        @Override
        public long getConditionCount()
        {
            return count;
        }

        @Override
        public void setConditionCount(long value)
        {
            count = value;
        }

        @Override
        public long getEstimatedSize()
        {
            return 16;
        }
    }
}

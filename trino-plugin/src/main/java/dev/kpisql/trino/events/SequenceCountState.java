package dev.kpisql.trino.events;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.events.SequenceAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/** The events and pattern of one {@code sequence_count} group, in the core's binary form between nodes. */
@AccumulatorStateMetadata(
        stateFactoryClass = SequenceCountState.Factory.class,
        stateSerializerClass = SequenceCountState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface SequenceCountState
        extends KpiObjectState<SequenceAccumulator>
{
    ObjectCodec<SequenceAccumulator> CODEC = new ObjectCodec<>(
            () -> new SequenceAccumulator(SequenceAccumulator.Kind.COUNT),
            SequenceAccumulator::retainedBytes,
            SequenceAccumulator::serialize,
            SequenceAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<SequenceCountState>
    {
        @Override
        public SequenceCountState createSingleState()
        {
            return new Single();
        }

        @Override
        public SequenceCountState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<SequenceAccumulator>
            implements SequenceCountState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<SequenceAccumulator>
            implements SequenceCountState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<SequenceAccumulator, SequenceCountState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

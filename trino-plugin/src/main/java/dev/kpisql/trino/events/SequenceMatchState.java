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

/** The events and pattern of one {@code sequence_match} group, in the core's binary form between nodes. */
@AccumulatorStateMetadata(
        stateFactoryClass = SequenceMatchState.Factory.class,
        stateSerializerClass = SequenceMatchState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface SequenceMatchState
        extends KpiObjectState<SequenceAccumulator>
{
    ObjectCodec<SequenceAccumulator> CODEC = new ObjectCodec<>(
            () -> new SequenceAccumulator(SequenceAccumulator.Kind.MATCH),
            SequenceAccumulator::retainedBytes,
            SequenceAccumulator::serialize,
            SequenceAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<SequenceMatchState>
    {
        @Override
        public SequenceMatchState createSingleState()
        {
            return new Single();
        }

        @Override
        public SequenceMatchState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<SequenceAccumulator>
            implements SequenceMatchState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<SequenceAccumulator>
            implements SequenceMatchState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<SequenceAccumulator, SequenceMatchState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

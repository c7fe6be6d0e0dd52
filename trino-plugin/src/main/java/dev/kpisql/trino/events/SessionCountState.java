package dev.kpisql.trino.events;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.events.SessionCountAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/** The sessions so far and the gap of one {@code session_count} group, in the core's binary form between nodes. */
@AccumulatorStateMetadata(
        stateFactoryClass = SessionCountState.Factory.class,
        stateSerializerClass = SessionCountState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface SessionCountState
        extends KpiObjectState<SessionCountAccumulator>
{
    ObjectCodec<SessionCountAccumulator> CODEC = new ObjectCodec<>(
            SessionCountAccumulator::new,
            SessionCountAccumulator::retainedBytes,
            SessionCountAccumulator::serialize,
            SessionCountAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<SessionCountState>
    {
        @Override
        public SessionCountState createSingleState()
        {
            return new Single();
        }

        @Override
        public SessionCountState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<SessionCountAccumulator>
            implements SessionCountState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<SessionCountAccumulator>
            implements SessionCountState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<SessionCountAccumulator, SessionCountState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

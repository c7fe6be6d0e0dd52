package dev.kpisql.trino.engagement;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.distinct.DistinctAccumulator;
import dev.kpisql.udfs.distinct.DistinctAccumulator.Kpi;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/**
 * The distinct sessions and users of {@code sessions_per_user}.
 * Trino cannot generate storage for an object, so this binds the generic single and grouped
 * object states and the VARBINARY serializer to the core class's own binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = SessionsPerUserState.Factory.class,
        stateSerializerClass = SessionsPerUserState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface SessionsPerUserState
        extends KpiObjectState<DistinctAccumulator>
{
    ObjectCodec<DistinctAccumulator> CODEC = new ObjectCodec<>(
            () -> new DistinctAccumulator(Kpi.SESSIONS_PER_USER),
            DistinctAccumulator::retainedBytes,
            DistinctAccumulator::serialize,
            DistinctAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<SessionsPerUserState>
    {
        @Override
        public SessionsPerUserState createSingleState()
        {
            return new Single();
        }

        @Override
        public SessionsPerUserState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<DistinctAccumulator>
            implements SessionsPerUserState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<DistinctAccumulator>
            implements SessionsPerUserState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<DistinctAccumulator, SessionsPerUserState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

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
 * The page views and distinct sessions of {@code pages_per_session}.
 * Trino cannot generate storage for an object, so this binds the generic single and grouped
 * object states and the VARBINARY serializer to the core class's own binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = PagesPerSessionState.Factory.class,
        stateSerializerClass = PagesPerSessionState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface PagesPerSessionState
        extends KpiObjectState<DistinctAccumulator>
{
    ObjectCodec<DistinctAccumulator> CODEC = new ObjectCodec<>(
            () -> new DistinctAccumulator(Kpi.PAGES_PER_SESSION),
            DistinctAccumulator::retainedBytes,
            DistinctAccumulator::serialize,
            DistinctAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<PagesPerSessionState>
    {
        @Override
        public PagesPerSessionState createSingleState()
        {
            return new Single();
        }

        @Override
        public PagesPerSessionState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<DistinctAccumulator>
            implements PagesPerSessionState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<DistinctAccumulator>
            implements PagesPerSessionState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<DistinctAccumulator, PagesPerSessionState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

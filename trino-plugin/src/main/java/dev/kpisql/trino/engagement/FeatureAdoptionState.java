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
 * The distinct users and adopters of {@code feature_adoption_rate}.
 * Trino cannot generate storage for an object, so this binds the generic single and grouped
 * object states and the VARBINARY serializer to the core class's own binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = FeatureAdoptionState.Factory.class,
        stateSerializerClass = FeatureAdoptionState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface FeatureAdoptionState
        extends KpiObjectState<DistinctAccumulator>
{
    ObjectCodec<DistinctAccumulator> CODEC = new ObjectCodec<>(
            () -> new DistinctAccumulator(Kpi.FEATURE_ADOPTION_RATE),
            DistinctAccumulator::retainedBytes,
            DistinctAccumulator::serialize,
            DistinctAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<FeatureAdoptionState>
    {
        @Override
        public FeatureAdoptionState createSingleState()
        {
            return new Single();
        }

        @Override
        public FeatureAdoptionState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<DistinctAccumulator>
            implements FeatureAdoptionState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<DistinctAccumulator>
            implements FeatureAdoptionState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<DistinctAccumulator, FeatureAdoptionState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

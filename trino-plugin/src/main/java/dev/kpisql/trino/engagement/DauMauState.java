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
 * The distinct users and (user, day) pairs of {@code dau_mau}.
 * Trino cannot generate storage for an object, so this binds the generic single and grouped
 * object states and the VARBINARY serializer to the core class's own binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = DauMauState.Factory.class,
        stateSerializerClass = DauMauState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface DauMauState
        extends KpiObjectState<DistinctAccumulator>
{
    ObjectCodec<DistinctAccumulator> CODEC = new ObjectCodec<>(
            () -> new DistinctAccumulator(Kpi.DAU_MAU),
            DistinctAccumulator::retainedBytes,
            DistinctAccumulator::serialize,
            DistinctAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<DauMauState>
    {
        @Override
        public DauMauState createSingleState()
        {
            return new Single();
        }

        @Override
        public DauMauState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<DistinctAccumulator>
            implements DauMauState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<DistinctAccumulator>
            implements DauMauState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<DistinctAccumulator, DauMauState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

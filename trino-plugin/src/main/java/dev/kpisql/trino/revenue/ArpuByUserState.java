package dev.kpisql.trino.revenue;

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
 * The distinct users and revenue of {@code arpu(revenue, user_id)}.
 * Trino cannot generate storage for an object, so this binds the generic single and grouped
 * object states and the VARBINARY serializer to the core class's own binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = ArpuByUserState.Factory.class,
        stateSerializerClass = ArpuByUserState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface ArpuByUserState
        extends KpiObjectState<DistinctAccumulator>
{
    ObjectCodec<DistinctAccumulator> CODEC = new ObjectCodec<>(
            () -> new DistinctAccumulator(Kpi.ARPU_BY_USER),
            DistinctAccumulator::retainedBytes,
            DistinctAccumulator::serialize,
            DistinctAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<ArpuByUserState>
    {
        @Override
        public ArpuByUserState createSingleState()
        {
            return new Single();
        }

        @Override
        public ArpuByUserState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<DistinctAccumulator>
            implements ArpuByUserState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<DistinctAccumulator>
            implements ArpuByUserState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<DistinctAccumulator, ArpuByUserState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

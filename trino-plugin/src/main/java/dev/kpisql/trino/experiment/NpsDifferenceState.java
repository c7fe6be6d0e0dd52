package dev.kpisql.trino.experiment;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.experiment.NpsDifferenceAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/**
 * The state of {@code nps_difference_test}: the promoters, passives and detractors of each variant, with the group's variant labels.
 * Labels may be VARCHAR, so the state is the core's accumulator object, shipped between workers
 * as VARBINARY in the core's versioned binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = NpsDifferenceState.Factory.class,
        stateSerializerClass = NpsDifferenceState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface NpsDifferenceState
        extends KpiObjectState<NpsDifferenceAccumulator>
{
    ObjectCodec<NpsDifferenceAccumulator> CODEC = new ObjectCodec<>(
            NpsDifferenceAccumulator::new,
            NpsDifferenceAccumulator::retainedBytes,
            NpsDifferenceAccumulator::serialize,
            NpsDifferenceAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<NpsDifferenceState>
    {
        @Override
        public NpsDifferenceState createSingleState()
        {
            return new Single();
        }

        @Override
        public NpsDifferenceState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<NpsDifferenceAccumulator>
            implements NpsDifferenceState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<NpsDifferenceAccumulator>
            implements NpsDifferenceState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<NpsDifferenceAccumulator, NpsDifferenceState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

package dev.kpisql.trino.experiment;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.experiment.SrmAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/**
 * The state of {@code srm_test}: the rows and planned share of every variant, with the group's variant labels.
 * Labels may be VARCHAR, so the state is the core's accumulator object, shipped between workers
 * as VARBINARY in the core's versioned binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = SrmState.Factory.class,
        stateSerializerClass = SrmState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface SrmState
        extends KpiObjectState<SrmAccumulator>
{
    ObjectCodec<SrmAccumulator> CODEC = new ObjectCodec<>(
            SrmAccumulator::new,
            SrmAccumulator::retainedBytes,
            SrmAccumulator::serialize,
            SrmAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<SrmState>
    {
        @Override
        public SrmState createSingleState()
        {
            return new Single();
        }

        @Override
        public SrmState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<SrmAccumulator>
            implements SrmState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<SrmAccumulator>
            implements SrmState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<SrmAccumulator, SrmState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

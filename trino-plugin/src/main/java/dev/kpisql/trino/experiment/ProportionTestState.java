package dev.kpisql.trino.experiment;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.experiment.ProportionTestAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/**
 * The state of {@code two_proportion_z_test}: the rows and conversions of each variant, with the group's variant labels.
 * Labels may be VARCHAR, so the state is the core's accumulator object, shipped between workers
 * as VARBINARY in the core's versioned binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = ProportionTestState.Factory.class,
        stateSerializerClass = ProportionTestState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface ProportionTestState
        extends KpiObjectState<ProportionTestAccumulator>
{
    ObjectCodec<ProportionTestAccumulator> CODEC = new ObjectCodec<>(
            ProportionTestAccumulator::new,
            ProportionTestAccumulator::retainedBytes,
            ProportionTestAccumulator::serialize,
            ProportionTestAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<ProportionTestState>
    {
        @Override
        public ProportionTestState createSingleState()
        {
            return new Single();
        }

        @Override
        public ProportionTestState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<ProportionTestAccumulator>
            implements ProportionTestState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<ProportionTestAccumulator>
            implements ProportionTestState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<ProportionTestAccumulator, ProportionTestState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

package dev.kpisql.trino.experiment;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.experiment.WelchTestAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/**
 * The state of {@code welch_t_test}: the count, mean and squared deviations of each variant, with the group's variant labels.
 * Labels may be VARCHAR, so the state is the core's accumulator object, shipped between workers
 * as VARBINARY in the core's versioned binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = WelchTestState.Factory.class,
        stateSerializerClass = WelchTestState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface WelchTestState
        extends KpiObjectState<WelchTestAccumulator>
{
    ObjectCodec<WelchTestAccumulator> CODEC = new ObjectCodec<>(
            WelchTestAccumulator::new,
            WelchTestAccumulator::retainedBytes,
            WelchTestAccumulator::serialize,
            WelchTestAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<WelchTestState>
    {
        @Override
        public WelchTestState createSingleState()
        {
            return new Single();
        }

        @Override
        public WelchTestState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<WelchTestAccumulator>
            implements WelchTestState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<WelchTestAccumulator>
            implements WelchTestState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<WelchTestAccumulator, WelchTestState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

package dev.kpisql.trino.engagement;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.distinct.ApproxDauMauAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/**
 * The HyperLogLog sketches of {@code approx_dau_mau}.
 * Trino cannot generate storage for an object, so this binds the generic single and grouped
 * object states and the VARBINARY serializer to the core class's own binary form.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = ApproxDauMauState.Factory.class,
        stateSerializerClass = ApproxDauMauState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface ApproxDauMauState
        extends KpiObjectState<ApproxDauMauAccumulator>
{
    ObjectCodec<ApproxDauMauAccumulator> CODEC = new ObjectCodec<>(
            ApproxDauMauAccumulator::new,
            ApproxDauMauAccumulator::retainedBytes,
            ApproxDauMauAccumulator::serialize,
            ApproxDauMauAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<ApproxDauMauState>
    {
        @Override
        public ApproxDauMauState createSingleState()
        {
            return new Single();
        }

        @Override
        public ApproxDauMauState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<ApproxDauMauAccumulator>
            implements ApproxDauMauState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<ApproxDauMauAccumulator>
            implements ApproxDauMauState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<ApproxDauMauAccumulator, ApproxDauMauState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

package dev.kpisql.trino.events;

import dev.kpisql.trino.state.GroupedObjectState;
import dev.kpisql.trino.state.KpiObjectState;
import dev.kpisql.trino.state.ObjectCodec;
import dev.kpisql.trino.state.ObjectStateSerializer;
import dev.kpisql.trino.state.SingleObjectState;
import dev.kpisql.udfs.events.WindowFunnelAccumulator;
import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/** The rows (ts, step bits) and constants of one {@code window_funnel} group, in the core's binary form between nodes. */
@AccumulatorStateMetadata(
        stateFactoryClass = WindowFunnelState.Factory.class,
        stateSerializerClass = WindowFunnelState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface WindowFunnelState
        extends KpiObjectState<WindowFunnelAccumulator>
{
    ObjectCodec<WindowFunnelAccumulator> CODEC = new ObjectCodec<>(
            WindowFunnelAccumulator::new,
            WindowFunnelAccumulator::retainedBytes,
            WindowFunnelAccumulator::serialize,
            WindowFunnelAccumulator::deserialize);

    final class Factory
            implements AccumulatorStateFactory<WindowFunnelState>
    {
        @Override
        public WindowFunnelState createSingleState()
        {
            return new Single();
        }

        @Override
        public WindowFunnelState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<WindowFunnelAccumulator>
            implements WindowFunnelState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<WindowFunnelAccumulator>
            implements WindowFunnelState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<WindowFunnelAccumulator, WindowFunnelState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

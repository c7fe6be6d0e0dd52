package dev.kpisql.trino.state;

import io.trino.spi.function.AccumulatorStateFactory;
import io.trino.spi.function.AccumulatorStateMetadata;
import io.trino.spi.type.StandardTypes;

/**
 * The whole pattern of an object state, for one core accumulator class: the state interface
 * names its factory and serializer, and the nested classes only bind the generic
 * implementations to this interface and to the codec.
 */
@AccumulatorStateMetadata(
        stateFactoryClass = TemplateDistinctState.Factory.class,
        stateSerializerClass = TemplateDistinctState.Serializer.class,
        serializedType = StandardTypes.VARBINARY)
public interface TemplateDistinctState
        extends KpiObjectState<TestingDistinctValues>
{
    ObjectCodec<TestingDistinctValues> CODEC = new ObjectCodec<>(
            TestingDistinctValues::new,
            TestingDistinctValues::retainedBytes,
            TestingDistinctValues::serialize,
            TestingDistinctValues::deserialize);

    final class Factory
            implements AccumulatorStateFactory<TemplateDistinctState>
    {
        @Override
        public TemplateDistinctState createSingleState()
        {
            return new Single();
        }

        @Override
        public TemplateDistinctState createGroupedState()
        {
            return new Grouped();
        }
    }

    final class Single
            extends SingleObjectState<TestingDistinctValues>
            implements TemplateDistinctState
    {
        Single()
        {
            super(CODEC);
        }
    }

    final class Grouped
            extends GroupedObjectState<TestingDistinctValues>
            implements TemplateDistinctState
    {
        Grouped()
        {
            super(CODEC);
        }
    }

    final class Serializer
            extends ObjectStateSerializer<TestingDistinctValues, TemplateDistinctState>
    {
        public Serializer()
        {
            super(CODEC);
        }
    }
}

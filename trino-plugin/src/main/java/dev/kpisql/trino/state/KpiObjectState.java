package dev.kpisql.trino.state;

import io.trino.spi.function.AccumulatorState;

/**
 * A Trino state that holds one core accumulator object per group. Trino cannot generate such
 * a state, so a function declares a sub-interface annotated with
 * {@code @AccumulatorStateMetadata(stateFactoryClass = …, stateSerializerClass = …, serializedType = "varbinary")}
 * whose factory returns a {@link SingleObjectState} and a {@link GroupedObjectState}, and whose
 * serializer is an {@link ObjectStateSerializer}; see {@code TemplateDistinctState} in the tests
 * for the whole pattern.
 *
 * <p>An input function changes {@link #get()} in place and then calls {@link #changed()}, which
 * keeps Trino's memory accounting honest; a combine function merges into {@link #get()} and
 * calls {@link #changed()} too.
 */
public interface KpiObjectState<T>
        extends AccumulatorState
{
    /** The current group's accumulator, created empty on first use. */
    T get();

    /** Replaces the current group's accumulator, e.g. with a deserialized one. */
    void set(T value);

    /** Re-measures the current group's accumulator after it was changed in place. */
    void changed();
}

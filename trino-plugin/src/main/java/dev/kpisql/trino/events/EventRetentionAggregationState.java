package dev.kpisql.trino.events;

import dev.kpisql.udfs.events.EventRetentionState;
import io.trino.spi.function.AccumulatorState;

/** {@code retention}'s primitive state: Trino generates its storage and serialization. */
public interface EventRetentionAggregationState
        extends AccumulatorState, EventRetentionState
{
}

package dev.kpisql.trino.engagement;

import dev.kpisql.udfs.engagement.DurationState;
import io.trino.spi.function.AccumulatorState;

/** The core's exact microsecond duration sum and count as a Trino state. */
public interface DurationAggregationState
        extends AccumulatorState, DurationState {}

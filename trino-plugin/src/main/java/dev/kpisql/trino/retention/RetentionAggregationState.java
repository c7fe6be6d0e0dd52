package dev.kpisql.trino.retention;

import dev.kpisql.udfs.retention.RetentionState;
import io.trino.spi.function.AccumulatorState;

/** The core's start, end and new customer sums as a Trino state. */
public interface RetentionAggregationState
        extends AccumulatorState, RetentionState {}

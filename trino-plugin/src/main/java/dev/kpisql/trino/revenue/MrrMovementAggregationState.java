package dev.kpisql.trino.revenue;

import dev.kpisql.udfs.revenue.MrrMovementState;
import io.trino.spi.function.AccumulatorState;

/** The core's compensated MRR movement sums as a Trino state. */
public interface MrrMovementAggregationState
        extends AccumulatorState, MrrMovementState {}

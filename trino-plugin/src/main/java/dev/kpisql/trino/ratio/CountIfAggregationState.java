package dev.kpisql.trino.ratio;

import dev.kpisql.udfs.ratio.CountIfState;
import io.trino.spi.function.AccumulatorState;

/**
 * The state of every function built on the core's {@link dev.kpisql.udfs.ratio.CountIf} kernel
 * (#matching rows and #rows); Trino generates storage and serializer.
 */
public interface CountIfAggregationState
        extends AccumulatorState, CountIfState {}

package dev.kpisql.trino.ratio;

import dev.kpisql.udfs.ratio.CountRatioState;
import io.trino.spi.function.AccumulatorState;

/**
 * The state of every function built on the core's {@link dev.kpisql.udfs.ratio.CountRatio}
 * kernel (Σnumerator and Σdenominator); Trino generates storage and serializer.
 */
public interface CountRatioAggregationState
        extends AccumulatorState, CountRatioState {}

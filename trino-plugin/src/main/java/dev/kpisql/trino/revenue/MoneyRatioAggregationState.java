package dev.kpisql.trino.revenue;

import dev.kpisql.udfs.revenue.MoneyRatioState;
import io.trino.spi.function.AccumulatorState;

/** The core's two compensated money sums as a Trino state. */
public interface MoneyRatioAggregationState
        extends AccumulatorState, MoneyRatioState {}

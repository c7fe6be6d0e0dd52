package dev.kpisql.trino.revenue;

import dev.kpisql.udfs.revenue.MoneyPerCountState;
import io.trino.spi.function.AccumulatorState;

/** The core's compensated money sum and exact count as a Trino state. */
public interface MoneyPerCountAggregationState
        extends AccumulatorState, MoneyPerCountState {}

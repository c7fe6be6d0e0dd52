package dev.kpisql.trino.revenue;

import dev.kpisql.udfs.revenue.MoneySumState;
import io.trino.spi.function.AccumulatorState;

/** The core's compensated money sum and row count as a Trino state. */
public interface MoneySumAggregationState
        extends AccumulatorState, MoneySumState {}

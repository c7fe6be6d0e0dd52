package dev.kpisql.trino.experiment;

import dev.kpisql.udfs.experiment.RateIntervalState;
import io.trino.spi.function.AccumulatorState;

/** The core's rows, TRUE rows and confidence level as a Trino state; Trino generates storage and serializer. */
public interface RateIntervalAggregationState
        extends AccumulatorState, RateIntervalState {}

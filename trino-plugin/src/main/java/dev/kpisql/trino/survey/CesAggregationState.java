package dev.kpisql.trino.survey;

import dev.kpisql.udfs.survey.CesState;
import io.trino.spi.function.AccumulatorState;

/** The core's CES sum, count and scale as a Trino state. */
public interface CesAggregationState
        extends AccumulatorState, CesState {}

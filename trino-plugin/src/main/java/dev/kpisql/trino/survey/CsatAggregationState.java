package dev.kpisql.trino.survey;

import dev.kpisql.udfs.survey.CsatState;
import io.trino.spi.function.AccumulatorState;

/** The core's CSAT counts and scale as a Trino state. */
public interface CsatAggregationState
        extends AccumulatorState, CsatState {}

package dev.kpisql.trino.survey;

import dev.kpisql.udfs.survey.NpsMarginState;
import io.trino.spi.function.AccumulatorState;

/** The core's category counts and confidence level as a Trino state; Trino generates storage and serializer. */
public interface NpsMarginAggregationState
        extends AccumulatorState, NpsMarginState {}

package dev.kpisql.trino.survey;

import dev.kpisql.udfs.survey.NpsState;
import io.trino.spi.function.AccumulatorState;

/**
 * The core's category counts as a Trino state. Trino generates the storage (one big array per
 * field, per group) and the serializer for the accessors inherited from {@link NpsState}.
 */
public interface NpsAggregationState
        extends AccumulatorState, NpsState {}

package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.ratio.CountIfState;

/** The state of {@code csat}: positive answers (matches), all answers (rows) and the scale. */
public interface CsatState
        extends CountIfState, ScaleState
{
}

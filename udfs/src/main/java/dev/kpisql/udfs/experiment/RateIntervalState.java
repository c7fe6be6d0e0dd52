package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.ratio.CountIfState;

/**
 * The state of {@code rate_interval}: the rows and TRUE rows of the group ({@link CountIfState})
 * and its confidence level, 0 until a row of {@code rate_interval(condition, confidence)} sets it.
 */
public interface RateIntervalState
        extends CountIfState
{
    double getConfidence();

    void setConfidence(double value);
}

package dev.kpisql.udfs.survey;

/**
 * The state of {@code nps_margin_of_error(score, confidence)}: the category counts and the
 * group's confidence level, 0 until the first row sets it.
 */
public interface NpsMarginState
        extends NpsState
{
    double getConfidence();

    void setConfidence(double value);
}

package dev.kpisql.udfs.survey;

/** The state of {@code ces}: the exact sum of whole scores, their count, and the scale. */
public interface CesState
        extends ScaleState
{
    long getTotal();

    void setTotal(long value);

    long getResponses();

    void setResponses(long value);
}

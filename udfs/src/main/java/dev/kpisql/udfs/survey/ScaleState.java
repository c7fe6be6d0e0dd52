package dev.kpisql.udfs.survey;

/** The scale maximum of a group, 0 until the first row sets it. */
public interface ScaleState
{
    long getScaleMax();

    void setScaleMax(long value);
}

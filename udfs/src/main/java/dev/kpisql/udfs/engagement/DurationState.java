package dev.kpisql.udfs.engagement;

/** The exact sum of durations in microseconds and their count; all zero is the empty group. */
public interface DurationState
{
    long getTotalMicros();

    void setTotalMicros(long value);

    long getCount();

    void setCount(long value);
}

package dev.kpisql.udfs.ratio;

/** The number of rows and of rows that match; all zero is the empty group. */
public interface CountIfState
{
    long getMatches();

    void setMatches(long value);

    long getRows();

    void setRows(long value);
}

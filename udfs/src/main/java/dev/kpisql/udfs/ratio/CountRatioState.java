package dev.kpisql.udfs.ratio;

/** Exact sums of a ratio's numerator and denominator columns; all zero is the empty group. */
public interface CountRatioState
{
    long getNumerator();

    void setNumerator(long value);

    long getDenominator();

    void setDenominator(long value);
}

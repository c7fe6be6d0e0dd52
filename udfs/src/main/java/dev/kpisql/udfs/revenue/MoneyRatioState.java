package dev.kpisql.udfs.revenue;

/** Compensated sums of two money columns; all zero is the empty group. */
public interface MoneyRatioState
{
    double getNumerator();

    void setNumerator(double value);

    double getNumeratorError();

    void setNumeratorError(double value);

    double getDenominator();

    void setDenominator(double value);

    double getDenominatorError();

    void setDenominatorError(double value);
}

package dev.kpisql.udfs.revenue;

/** A compensated sum of money and the number of rows; all zero is the empty group. */
public interface MoneySumState
{
    double getSum();

    void setSum(double value);

    double getSumError();

    void setSumError(double value);

    long getRows();

    void setRows(long value);
}

package dev.kpisql.udfs.revenue;

/** A compensated sum of money and an exact count; all zero is the empty group. */
public interface MoneyPerCountState
{
    double getMoney();

    void setMoney(double value);

    double getMoneyError();

    void setMoneyError(double value);

    long getCount();

    void setCount(long value);
}

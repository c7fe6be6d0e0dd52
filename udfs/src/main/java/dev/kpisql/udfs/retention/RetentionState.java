package dev.kpisql.udfs.retention;

/** Exact sums of start, end and new customers; all zero is the empty group. */
public interface RetentionState
{
    long getStartCustomers();

    void setStartCustomers(long value);

    long getEndCustomers();

    void setEndCustomers(long value);

    long getNewCustomers();

    void setNewCustomers(long value);
}

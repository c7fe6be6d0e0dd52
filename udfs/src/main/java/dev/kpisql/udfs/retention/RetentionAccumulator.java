package dev.kpisql.udfs.retention;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

/** A mutable, mergeable {@code retention_rate(start_customers, end_customers, new_customers)}. Not thread-safe. */
public final class RetentionAccumulator
        implements RetentionState, KpiAccumulator
{
    private long startCustomers;
    private long endCustomers;
    private long newCustomers;

    public void add(long start, long end, long fresh)
    {
        Retention.add(this, start, end, fresh);
    }

    public void merge(RetentionAccumulator other)
    {
        Retention.merge(this, other);
    }

    @Override
    public Double result()
    {
        return Retention.result(this);
    }

    @Override
    public void add(Object... arguments)
    {
        add(Values.asLong(arguments[0]), Values.asLong(arguments[1]), Values.asLong(arguments[2]));
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((RetentionAccumulator) other);
    }

    @Override
    public long getStartCustomers()
    {
        return startCustomers;
    }

    @Override
    public void setStartCustomers(long value)
    {
        startCustomers = value;
    }

    @Override
    public long getEndCustomers()
    {
        return endCustomers;
    }

    @Override
    public void setEndCustomers(long value)
    {
        endCustomers = value;
    }

    @Override
    public long getNewCustomers()
    {
        return newCustomers;
    }

    @Override
    public void setNewCustomers(long value)
    {
        newCustomers = value;
    }
}

package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link MoneySum}: {@code mrr}, {@code arr}, {@code arpu(revenue)}. Not thread-safe. */
public final class MoneySumAccumulator
        implements MoneySumState, KpiAccumulator
{
    private final MoneySum kpi;
    private double sum;
    private double sumError;
    private long rows;

    public MoneySumAccumulator(MoneySum kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
    }

    public void add(double amount)
    {
        kpi.add(this, amount);
    }

    public void add(double amount, String billingPeriod)
    {
        kpi.add(this, amount, billingPeriod);
    }

    public void merge(MoneySumAccumulator other)
    {
        kpi.merge(this, other);
    }

    @Override
    public Double result()
    {
        return kpi.result(this);
    }

    @Override
    public void add(Object... arguments)
    {
        if (arguments.length == 1) {
            add(Values.asDouble(arguments[0]));
        }
        else {
            add(Values.asDouble(arguments[0]), (String) arguments[1]);
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((MoneySumAccumulator) other);
    }

    @Override
    public double getSum()
    {
        return sum;
    }

    @Override
    public void setSum(double value)
    {
        sum = value;
    }

    @Override
    public double getSumError()
    {
        return sumError;
    }

    @Override
    public void setSumError(double value)
    {
        sumError = value;
    }

    @Override
    public long getRows()
    {
        return rows;
    }

    @Override
    public void setRows(long value)
    {
        rows = value;
    }
}

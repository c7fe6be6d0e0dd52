package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link MoneyPerCount}. Not thread-safe. */
public final class MoneyPerCountAccumulator
        implements MoneyPerCountState, KpiAccumulator
{
    private final MoneyPerCount kpi;
    private double money;
    private double moneyError;
    private long count;

    public MoneyPerCountAccumulator(MoneyPerCount kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
    }

    public void add(double money, long count)
    {
        kpi.add(this, money, count);
    }

    public void add(double money, double moreMoney, long count)
    {
        kpi.add(this, money, moreMoney, count);
    }

    public void merge(MoneyPerCountAccumulator other)
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
        if (arguments.length == 2) {
            add(Values.asDouble(arguments[0]), Values.asLong(arguments[1]));
        }
        else {
            add(Values.asDouble(arguments[0]), Values.asDouble(arguments[1]), Values.asLong(arguments[2]));
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((MoneyPerCountAccumulator) other);
    }

    @Override
    public double getMoney()
    {
        return money;
    }

    @Override
    public void setMoney(double value)
    {
        money = value;
    }

    @Override
    public double getMoneyError()
    {
        return moneyError;
    }

    @Override
    public void setMoneyError(double value)
    {
        moneyError = value;
    }

    @Override
    public long getCount()
    {
        return count;
    }

    @Override
    public void setCount(long value)
    {
        count = value;
    }
}

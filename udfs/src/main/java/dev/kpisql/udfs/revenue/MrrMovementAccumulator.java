package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link MrrMovements} measure, such as {@code net_revenue_retention}. Not thread-safe. */
public final class MrrMovementAccumulator
        implements MrrMovementState, KpiAccumulator
{
    private final MrrMovements kpi;
    private double first;
    private double firstError;
    private double second;
    private double secondError;
    private long rows;

    public MrrMovementAccumulator(MrrMovements kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
    }

    public void add(double previousMrr, double currentMrr)
    {
        kpi.add(this, previousMrr, currentMrr);
    }

    public void merge(MrrMovementAccumulator other)
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
        add(Values.asDouble(arguments[0]), Values.asDouble(arguments[1]));
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((MrrMovementAccumulator) other);
    }

    @Override
    public double getFirst()
    {
        return first;
    }

    @Override
    public void setFirst(double value)
    {
        first = value;
    }

    @Override
    public double getFirstError()
    {
        return firstError;
    }

    @Override
    public void setFirstError(double value)
    {
        firstError = value;
    }

    @Override
    public double getSecond()
    {
        return second;
    }

    @Override
    public void setSecond(double value)
    {
        second = value;
    }

    @Override
    public double getSecondError()
    {
        return secondError;
    }

    @Override
    public void setSecondError(double value)
    {
        secondError = value;
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

package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link MrrMovements} measure, such as {@code net_revenue_retention}. Not thread-safe. */
public final class MrrMovementAccumulator
        implements MrrMovementState, KpiAccumulator
{
    private final MrrMovements kpi;
    private double startMrr;
    private double startMrrError;
    private double newMrr;
    private double newMrrError;
    private double expansionMrr;
    private double expansionMrrError;
    private double contractionMrr;
    private double contractionMrrError;
    private double churnedMrr;
    private double churnedMrrError;
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
    public double getStartMrr()
    {
        return startMrr;
    }

    @Override
    public void setStartMrr(double value)
    {
        startMrr = value;
    }

    @Override
    public double getStartMrrError()
    {
        return startMrrError;
    }

    @Override
    public void setStartMrrError(double value)
    {
        startMrrError = value;
    }

    @Override
    public double getNewMrr()
    {
        return newMrr;
    }

    @Override
    public void setNewMrr(double value)
    {
        newMrr = value;
    }

    @Override
    public double getNewMrrError()
    {
        return newMrrError;
    }

    @Override
    public void setNewMrrError(double value)
    {
        newMrrError = value;
    }

    @Override
    public double getExpansionMrr()
    {
        return expansionMrr;
    }

    @Override
    public void setExpansionMrr(double value)
    {
        expansionMrr = value;
    }

    @Override
    public double getExpansionMrrError()
    {
        return expansionMrrError;
    }

    @Override
    public void setExpansionMrrError(double value)
    {
        expansionMrrError = value;
    }

    @Override
    public double getContractionMrr()
    {
        return contractionMrr;
    }

    @Override
    public void setContractionMrr(double value)
    {
        contractionMrr = value;
    }

    @Override
    public double getContractionMrrError()
    {
        return contractionMrrError;
    }

    @Override
    public void setContractionMrrError(double value)
    {
        contractionMrrError = value;
    }

    @Override
    public double getChurnedMrr()
    {
        return churnedMrr;
    }

    @Override
    public void setChurnedMrr(double value)
    {
        churnedMrr = value;
    }

    @Override
    public double getChurnedMrrError()
    {
        return churnedMrrError;
    }

    @Override
    public void setChurnedMrrError(double value)
    {
        churnedMrrError = value;
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

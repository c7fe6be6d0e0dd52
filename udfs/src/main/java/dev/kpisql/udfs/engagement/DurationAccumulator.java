package dev.kpisql.udfs.engagement;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link Duration}. Not thread-safe. */
public final class DurationAccumulator
        implements DurationState, KpiAccumulator
{
    private final Duration kpi;
    private long totalMicros;
    private long count;

    public DurationAccumulator(Duration kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
    }

    public void add(long startMicros, long endMicros)
    {
        kpi.add(this, startMicros, endMicros);
    }

    public void merge(DurationAccumulator other)
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
        add(Values.asLong(arguments[0]), Values.asLong(arguments[1]));
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((DurationAccumulator) other);
    }

    @Override
    public long getTotalMicros()
    {
        return totalMicros;
    }

    @Override
    public void setTotalMicros(long value)
    {
        totalMicros = value;
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

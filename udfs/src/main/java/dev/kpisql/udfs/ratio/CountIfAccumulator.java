package dev.kpisql.udfs.ratio;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link CountIf}. Not thread-safe. */
public final class CountIfAccumulator
        implements CountIfState, KpiAccumulator
{
    private final CountIf kpi;
    private long matches;
    private long rows;

    public CountIfAccumulator(CountIf kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
    }

    public void add(boolean value)
    {
        kpi.add(this, value);
    }

    public void merge(CountIfAccumulator other)
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
        add(Values.asBoolean(arguments[0]));
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((CountIfAccumulator) other);
    }

    @Override
    public long getMatches()
    {
        return matches;
    }

    @Override
    public void setMatches(long value)
    {
        matches = value;
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

package dev.kpisql.udfs.engagement;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;
import dev.kpisql.udfs.ratio.CountIfState;

/** A mutable, mergeable {@code bounce_rate(pageviews)}. Not thread-safe. */
public final class BounceAccumulator
        implements CountIfState, KpiAccumulator
{
    private long matches;
    private long rows;

    public void add(long pageviews)
    {
        Bounce.add(this, pageviews);
    }

    public void merge(BounceAccumulator other)
    {
        Bounce.merge(this, other);
    }

    @Override
    public Double result()
    {
        return Bounce.result(this);
    }

    @Override
    public void add(Object... arguments)
    {
        add(Values.asLong(arguments[0]));
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((BounceAccumulator) other);
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

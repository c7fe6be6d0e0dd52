package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

/** A mutable, mergeable {@code csat(score)} and {@code csat(score, scale_max)}. Not thread-safe. */
public final class CsatAccumulator
        implements CsatState, KpiAccumulator
{
    private long matches;
    private long rows;
    private long scaleMax;

    public void add(long score)
    {
        Csat.add(this, score);
    }

    public void add(long score, long scaleMax)
    {
        Csat.addOnScale(this, score, scaleMax);
    }

    public void merge(CsatAccumulator other)
    {
        Csat.mergeOnScale(this, other);
    }

    @Override
    public Double result()
    {
        return Csat.result(this);
    }

    @Override
    public void add(Object... arguments)
    {
        Object score = arguments[0];
        if (arguments.length == 1) {
            if (Values.isIntegral(score)) {
                Csat.add(this, Values.asLong(score));
            }
            else {
                Csat.add(this, Values.asDouble(score));
            }
        }
        else if (Values.isIntegral(score)) {
            Csat.addOnScale(this, Values.asLong(score), Values.asLong(arguments[1]));
        }
        else {
            Csat.addOnScale(this, Values.asDouble(score), Values.asLong(arguments[1]));
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((CsatAccumulator) other);
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

    @Override
    public long getScaleMax()
    {
        return scaleMax;
    }

    @Override
    public void setScaleMax(long value)
    {
        scaleMax = value;
    }
}

package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import java.util.Map;

/** A mutable, mergeable {@code rate_interval(condition[, confidence])}. Not thread-safe. */
public final class RateIntervalAccumulator
        implements RateIntervalState, KpiAccumulator
{
    private long matches;
    private long rows;
    private double confidence;

    public void add(boolean condition)
    {
        RateInterval.add(this, condition);
    }

    public void add(boolean condition, double confidence)
    {
        RateInterval.add(this, condition, confidence);
    }

    public void merge(RateIntervalAccumulator other)
    {
        RateInterval.merge(this, other);
    }

    @Override
    public Map<String, Object> result()
    {
        return RateInterval.result(this);
    }

    @Override
    public void add(Object... arguments)
    {
        if (arguments.length > 1) {
            add(Values.asBoolean(arguments[0]), Values.asDouble(arguments[1]));
        }
        else {
            add(Values.asBoolean(arguments[0]));
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((RateIntervalAccumulator) other);
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
    public double getConfidence()
    {
        return confidence;
    }

    @Override
    public void setConfidence(double value)
    {
        confidence = value;
    }
}

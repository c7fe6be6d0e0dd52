package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

/** A mutable, mergeable {@code ces(score)} and {@code ces(score, scale_max)}. Not thread-safe. */
public final class CesAccumulator
        implements CesState, KpiAccumulator
{
    private long total;
    private long responses;
    private long scaleMax;

    public void add(long score)
    {
        Ces.add(this, score);
    }

    public void add(long score, long scaleMax)
    {
        Ces.addOnScale(this, score, scaleMax);
    }

    public void merge(CesAccumulator other)
    {
        Ces.merge(this, other);
    }

    @Override
    public Double result()
    {
        return Ces.result(this);
    }

    @Override
    public void add(Object... arguments)
    {
        Object score = arguments[0];
        if (arguments.length == 1) {
            if (Values.isIntegral(score)) {
                Ces.add(this, Values.asLong(score));
            }
            else {
                Ces.add(this, Values.asDouble(score));
            }
        }
        else if (Values.isIntegral(score)) {
            Ces.addOnScale(this, Values.asLong(score), Values.asLong(arguments[1]));
        }
        else {
            Ces.addOnScale(this, Values.asDouble(score), Values.asLong(arguments[1]));
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((CesAccumulator) other);
    }

    @Override
    public long getTotal()
    {
        return total;
    }

    @Override
    public void setTotal(long value)
    {
        total = value;
    }

    @Override
    public long getResponses()
    {
        return responses;
    }

    @Override
    public void setResponses(long value)
    {
        responses = value;
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

package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

/**
 * A mutable, mergeable {@code nps(score)}. Not thread-safe.
 */
public final class NpsAccumulator
        implements NpsState, KpiAccumulator
{
    private long promoters;
    private long passives;
    private long detractors;

    public void add(long score)
    {
        Nps.add(this, Nps.NPS, score);
    }

    public void add(double score)
    {
        Nps.add(this, Nps.NPS, score);
    }

    public void merge(NpsAccumulator other)
    {
        Nps.merge(this, other, Nps.NPS);
    }

    @Override
    public Double result()
    {
        return Nps.result(this);
    }

    @Override
    public void add(Object... arguments)
    {
        Object score = arguments[0];
        if (Values.isIntegral(score)) {
            add(Values.asLong(score));
        }
        else {
            add(Values.asDouble(score));
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((NpsAccumulator) other);
    }

    @Override
    public long getPromoters()
    {
        return promoters;
    }

    @Override
    public void setPromoters(long value)
    {
        promoters = value;
    }

    @Override
    public long getPassives()
    {
        return passives;
    }

    @Override
    public void setPassives(long value)
    {
        passives = value;
    }

    @Override
    public long getDetractors()
    {
        return detractors;
    }

    @Override
    public void setDetractors(long value)
    {
        detractors = value;
    }
}

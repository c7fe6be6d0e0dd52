package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

/**
 * A mutable, mergeable {@code nps_margin_of_error(score)} and
 * {@code nps_margin_of_error(score, confidence)}. Not thread-safe.
 */
public final class NpsMarginAccumulator
        implements NpsMarginState, KpiAccumulator
{
    private long promoters;
    private long passives;
    private long detractors;
    private double confidence;

    /** A row of {@code nps_margin_of_error(score)}: the 95 % level. */
    public void add(long score)
    {
        Nps.add(this, Nps.MARGIN_OF_ERROR, score);
    }

    public void add(long score, double confidence)
    {
        Nps.addWithConfidence(this, score, confidence);
    }

    public void add(double score, double confidence)
    {
        Nps.addWithConfidence(this, score, confidence);
    }

    public void merge(NpsMarginAccumulator other)
    {
        Nps.mergeWithConfidence(this, other);
    }

    @Override
    public Double result()
    {
        return confidence == 0 ? Nps.marginOfError(this) : Nps.marginOfErrorWithConfidence(this);
    }

    @Override
    public void add(Object... arguments)
    {
        Object score = arguments[0];
        double level = arguments.length > 1 ? Values.asDouble(arguments[1]) : Nps.DEFAULT_CONFIDENCE;
        if (Values.isIntegral(score)) {
            add(Values.asLong(score), level);
        }
        else {
            add(Values.asDouble(score), level);
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((NpsMarginAccumulator) other);
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

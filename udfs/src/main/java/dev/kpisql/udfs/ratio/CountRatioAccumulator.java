package dev.kpisql.udfs.ratio;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link CountRatio}. Not thread-safe. */
public final class CountRatioAccumulator
        implements CountRatioState, KpiAccumulator
{
    private final CountRatio kpi;
    private long numerator;
    private long denominator;

    public CountRatioAccumulator(CountRatio kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
    }

    public void add(long first, long second)
    {
        kpi.add(this, first, second);
    }

    public void merge(CountRatioAccumulator other)
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
        merge((CountRatioAccumulator) other);
    }

    @Override
    public long getNumerator()
    {
        return numerator;
    }

    @Override
    public void setNumerator(long value)
    {
        numerator = value;
    }

    @Override
    public long getDenominator()
    {
        return denominator;
    }

    @Override
    public void setDenominator(long value)
    {
        denominator = value;
    }
}

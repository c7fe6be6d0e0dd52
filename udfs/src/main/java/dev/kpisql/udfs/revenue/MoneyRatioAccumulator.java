package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import static java.util.Objects.requireNonNull;

/** A mutable, mergeable {@link MoneyRatio}. Not thread-safe. */
public final class MoneyRatioAccumulator
        implements MoneyRatioState, KpiAccumulator
{
    private final MoneyRatio kpi;
    private double numerator;
    private double numeratorError;
    private double denominator;
    private double denominatorError;

    public MoneyRatioAccumulator(MoneyRatio kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
    }

    public void add(double first, double second)
    {
        kpi.add(this, first, second);
    }

    public void merge(MoneyRatioAccumulator other)
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
        merge((MoneyRatioAccumulator) other);
    }

    @Override
    public double getNumerator()
    {
        return numerator;
    }

    @Override
    public void setNumerator(double value)
    {
        numerator = value;
    }

    @Override
    public double getNumeratorError()
    {
        return numeratorError;
    }

    @Override
    public void setNumeratorError(double value)
    {
        numeratorError = value;
    }

    @Override
    public double getDenominator()
    {
        return denominator;
    }

    @Override
    public void setDenominator(double value)
    {
        denominator = value;
    }

    @Override
    public double getDenominatorError()
    {
        return denominatorError;
    }

    @Override
    public void setDenominatorError(double value)
    {
        denominatorError = value;
    }
}

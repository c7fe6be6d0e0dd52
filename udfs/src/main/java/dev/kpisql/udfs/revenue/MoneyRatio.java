package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Sums;

import static java.util.Objects.requireNonNull;

/**
 * A percentage from two sums of money, in SQL argument order (first, second):
 * {@link #share} is 100 × Σfirst / Σsecond ({@code market_share}) and {@link #returnOn} is
 * 100 × (Σfirst − Σsecond) / Σsecond ({@code romi}). A zero Σsecond, and so an empty group, is NULL.
 */
public final class MoneyRatio
{
    private final String function;
    private final String first;
    private final String second;
    private final boolean netOfSecond;

    private MoneyRatio(String function, String first, String second, boolean netOfSecond)
    {
        this.function = requireNonNull(function, "function");
        this.first = requireNonNull(first, "first");
        this.second = requireNonNull(second, "second");
        this.netOfSecond = netOfSecond;
    }

    public static MoneyRatio share(String function, String part, String whole)
    {
        return new MoneyRatio(function, part, whole, false);
    }

    public static MoneyRatio returnOn(String function, String revenue, String cost)
    {
        return new MoneyRatio(function, revenue, cost, true);
    }

    public String function()
    {
        return function;
    }

    public void add(MoneyRatioState state, double firstValue, double secondValue)
    {
        double a = Check.nonNegative(function, first, firstValue);
        double b = Check.nonNegative(function, second, secondValue);
        double s = state.getNumerator();
        double t = s + a;
        state.setNumeratorError(state.getNumeratorError() + Sums.error(s, a, t));
        state.setNumerator(t);
        s = state.getDenominator();
        t = s + b;
        state.setDenominatorError(state.getDenominatorError() + Sums.error(s, b, t));
        state.setDenominator(t);
    }

    public void merge(MoneyRatioState state, MoneyRatioState other)
    {
        double s = state.getNumerator();
        double t = s + other.getNumerator();
        state.setNumeratorError(state.getNumeratorError() + other.getNumeratorError() + Sums.error(s, other.getNumerator(), t));
        state.setNumerator(t);
        s = state.getDenominator();
        t = s + other.getDenominator();
        state.setDenominatorError(state.getDenominatorError() + other.getDenominatorError() + Sums.error(s, other.getDenominator(), t));
        state.setDenominator(t);
    }

    public Double result(MoneyRatioState state)
    {
        double a = Sums.value(function, first, state.getNumerator(), state.getNumeratorError());
        double b = Sums.value(function, second, state.getDenominator(), state.getDenominatorError());
        return Sums.ratio(function, netOfSecond ? a - b : a, b, 100);
    }
}

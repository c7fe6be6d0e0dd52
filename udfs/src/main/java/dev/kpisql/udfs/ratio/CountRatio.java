package dev.kpisql.udfs.ratio;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Sums;

import static java.util.Objects.requireNonNull;

/**
 * {@code scale × Σnumerator / Σdenominator} over two non-negative integer columns. Both sums are
 * exact 64-bit; a zero denominator gives NULL (contract C3), which also covers the empty group.
 * The numerator may exceed the denominator (a segment can lose more customers than it started
 * with when customers move between segments); the result is then above 100.
 *
 * <p>One instance per SQL function; {@link #add} takes the two values in the function's SQL
 * argument order.
 */
public final class CountRatio
{
    private final String function;
    private final String firstArgument;
    private final String secondArgument;
    private final boolean numeratorFirst;
    private final double scale;

    private CountRatio(String function, String firstArgument, String secondArgument, boolean numeratorFirst, double scale)
    {
        this.function = requireNonNull(function, "function");
        this.firstArgument = requireNonNull(firstArgument, "firstArgument");
        this.secondArgument = requireNonNull(secondArgument, "secondArgument");
        this.numeratorFirst = numeratorFirst;
        this.scale = scale;
    }

    /** {@code f(numerator, denominator)}, e.g. {@code click_through_rate(clicks, impressions)}. */
    public static CountRatio numeratorFirst(String function, String numerator, String denominator, double scale)
    {
        return new CountRatio(function, numerator, denominator, true, scale);
    }

    /** {@code f(denominator, numerator)}, e.g. {@code churn_rate(start_customers, lost_customers)}. */
    public static CountRatio denominatorFirst(String function, String denominator, String numerator, double scale)
    {
        return new CountRatio(function, denominator, numerator, false, scale);
    }

    public String function()
    {
        return function;
    }

    /** One row, its values in SQL argument order. */
    public void add(CountRatioState state, long first, long second)
    {
        Check.nonNegative(function, firstArgument, first);
        Check.nonNegative(function, secondArgument, second);
        long numerator = numeratorFirst ? first : second;
        long denominator = numeratorFirst ? second : first;
        state.setNumerator(Counts.addSum(function, numeratorName(), state.getNumerator(), numerator));
        state.setDenominator(Counts.addSum(function, denominatorName(), state.getDenominator(), denominator));
    }

    public void merge(CountRatioState state, CountRatioState other)
    {
        state.setNumerator(Counts.addSum(function, numeratorName(), state.getNumerator(), other.getNumerator()));
        state.setDenominator(Counts.addSum(function, denominatorName(), state.getDenominator(), other.getDenominator()));
    }

    public Double result(CountRatioState state)
    {
        return Sums.ratio(function, state.getNumerator(), state.getDenominator(), scale);
    }

    private String numeratorName()
    {
        return numeratorFirst ? firstArgument : secondArgument;
    }

    private String denominatorName()
    {
        return numeratorFirst ? secondArgument : firstArgument;
    }
}

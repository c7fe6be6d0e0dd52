package dev.kpisql.udfs.ratio;

import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Sums;

import static java.util.Objects.requireNonNull;

/**
 * {@code 100 × #rows matching / #rows}: the percentage of rows whose BOOLEAN is TRUE (or, for
 * {@link #countingFalse}, FALSE). An empty group is NULL. Counts are exact 64-bit.
 */
public final class CountIf
{
    private final String function;
    private final boolean matching;

    private CountIf(String function, boolean matching)
    {
        this.function = requireNonNull(function, "function");
        this.matching = matching;
    }

    /** The share of TRUE, e.g. {@code churn_rate(churned)}. */
    public static CountIf countingTrue(String function)
    {
        return new CountIf(function, true);
    }

    /** The share of FALSE, e.g. {@code cart_abandonment_rate(purchased)}. */
    public static CountIf countingFalse(String function)
    {
        return new CountIf(function, false);
    }

    public String function()
    {
        return function;
    }

    public void add(CountIfState state, boolean value)
    {
        if (value == matching) {
            state.setMatches(Counts.increment(function, "matching rows", state.getMatches()));
        }
        state.setRows(Counts.increment(function, "rows", state.getRows()));
    }

    public void merge(CountIfState state, CountIfState other)
    {
        state.setMatches(Counts.add(function, "matching rows", state.getMatches(), other.getMatches()));
        state.setRows(Counts.add(function, "rows", state.getRows(), other.getRows()));
    }

    public Double result(CountIfState state)
    {
        return Sums.ratio(function, state.getMatches(), state.getRows(), 100);
    }
}

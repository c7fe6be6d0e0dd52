package dev.kpisql.udfs.ratio;

import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiException;
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

    /**
     * Counts one row, with no branch and no check: the engine's row loop can then be unrolled,
     * updating each count once per few rows (with the check, Trino's generated loop re-checked the
     * state's class and reloaded and stored the row count on every row). A count that went past {@code Long.MAX_VALUE}, one row at a time, is
     * negative, and cannot come back to a positive value (that takes 2^64 rows): {@link #merge}
     * and {@link #result} find it, so an overflow is still an error, raised when the group ends.
     */
    public void add(CountIfState state, boolean value)
    {
        state.setMatches(state.getMatches() + (value == matching ? 1 : 0));
        state.setRows(state.getRows() + 1);
    }

    public void merge(CountIfState state, CountIfState other)
    {
        checkCounts(state);
        checkCounts(other);
        state.setMatches(Counts.add(function, "matching rows", state.getMatches(), other.getMatches()));
        state.setRows(Counts.add(function, "rows", state.getRows(), other.getRows()));
    }

    public Double result(CountIfState state)
    {
        checkCounts(state);
        return Sums.ratio(function, state.getMatches(), state.getRows(), 100);
    }

    /** A count that went past {@code Long.MAX_VALUE} one row at a time is negative. */
    private void checkCounts(CountIfState state)
    {
        if (state.getMatches() < 0) {
            throw KpiException.overflow(function, "count of matching rows", "BIGINT");
        }
        if (state.getRows() < 0) {
            throw KpiException.overflow(function, "count of rows", "BIGINT");
        }
    }
}

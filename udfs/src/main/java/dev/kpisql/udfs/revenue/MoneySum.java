package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Sums;

import static java.util.Objects.requireNonNull;

/**
 * A sum of non-negative money, optionally normalised from a billing period to a month, and
 * reported as a total ({@code mrr}, {@code arr}) or per row ({@code arpu}). An empty group is
 * NULL; a group of zero amounts is 0.
 */
public final class MoneySum
{
    private final String function;
    private final String argument;
    private final double scale;
    private final boolean perRow;

    private MoneySum(String function, String argument, double scale, boolean perRow)
    {
        this.function = requireNonNull(function, "function");
        this.argument = requireNonNull(argument, "argument");
        this.scale = scale;
        this.perRow = perRow;
    }

    /** scale × Σamount, e.g. {@code mrr(amount)} with scale 1 and {@code arr} with 12. */
    public static MoneySum total(String function, String argument, double scale)
    {
        return new MoneySum(function, argument, scale, false);
    }

    /** Σamount / #rows, e.g. {@code arpu(revenue)}. */
    public static MoneySum perRow(String function, String argument)
    {
        return new MoneySum(function, argument, 1, true);
    }

    public String function()
    {
        return function;
    }

    public void add(MoneySumState state, double amount)
    {
        Check.nonNegative(function, argument, amount);
        addChecked(state, amount);
    }

    /** One row of an amount billed once per {@code billingPeriod}, counted as its monthly share. */
    public void add(MoneySumState state, double amount, String billingPeriod)
    {
        Check.nonNegative(function, argument, amount);
        addChecked(state, amount * BillingPeriod.monthlyFactor(function, billingPeriod));
    }

    /** {@link #add(MoneySumState, double, String)} with the period as UTF-8 bytes, as engines hold it. */
    public void add(MoneySumState state, double amount, byte[] billingPeriod, int offset, int length)
    {
        Check.nonNegative(function, argument, amount);
        addChecked(state, amount * BillingPeriod.monthlyFactor(function, billingPeriod, offset, length));
    }

    public void merge(MoneySumState state, MoneySumState other)
    {
        double sum = state.getSum();
        double t = sum + other.getSum();
        state.setSumError(state.getSumError() + other.getSumError() + Sums.error(sum, other.getSum(), t));
        state.setSum(t);
        state.setRows(Counts.add(function, "rows", state.getRows(), other.getRows()));
    }

    public Double result(MoneySumState state)
    {
        if (state.getRows() == 0) {
            return null;
        }
        double total = Sums.value(function, argument, state.getSum(), state.getSumError());
        return Sums.ratio(function, total, perRow ? state.getRows() : 1, scale);
    }

    private void addChecked(MoneySumState state, double amount)
    {
        double sum = state.getSum();
        double t = sum + amount;
        state.setSumError(state.getSumError() + Sums.error(sum, amount, t));
        state.setSum(t);
        state.setRows(Counts.increment(function, "rows", state.getRows()));
    }
}

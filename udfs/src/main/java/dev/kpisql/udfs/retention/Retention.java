package dev.kpisql.udfs.retention;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Sums;

/**
 * Customer retention rate from period counts: 100 × (E − N) / S, with S the customers at the
 * start, E at the end and N acquired during the period — the customers at the end who were
 * already there at the start, as a share of the start.
 */
public final class Retention
{
    public static final String RETENTION_RATE = "retention_rate";

    private Retention() {}

    public static void add(RetentionState state, long start, long end, long fresh)
    {
        Check.nonNegative(RETENTION_RATE, "start_customers", start);
        Check.nonNegative(RETENTION_RATE, "end_customers", end);
        Check.nonNegative(RETENTION_RATE, "new_customers", fresh);
        state.setStartCustomers(Counts.addSum(RETENTION_RATE, "start_customers", state.getStartCustomers(), start));
        state.setEndCustomers(Counts.addSum(RETENTION_RATE, "end_customers", state.getEndCustomers(), end));
        state.setNewCustomers(Counts.addSum(RETENTION_RATE, "new_customers", state.getNewCustomers(), fresh));
    }

    public static void merge(RetentionState state, RetentionState other)
    {
        state.setStartCustomers(Counts.addSum(RETENTION_RATE, "start_customers", state.getStartCustomers(), other.getStartCustomers()));
        state.setEndCustomers(Counts.addSum(RETENTION_RATE, "end_customers", state.getEndCustomers(), other.getEndCustomers()));
        state.setNewCustomers(Counts.addSum(RETENTION_RATE, "new_customers", state.getNewCustomers(), other.getNewCustomers()));
    }

    public static Double result(RetentionState state)
    {
        // both sums are ≥ 0, so their difference cannot overflow
        return Sums.ratio(RETENTION_RATE, state.getEndCustomers() - state.getNewCustomers(), state.getStartCustomers(), 100);
    }
}

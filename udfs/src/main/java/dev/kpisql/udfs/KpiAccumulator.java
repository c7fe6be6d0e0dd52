package dev.kpisql.udfs;

/**
 * The engine-neutral, boxed view of one aggregate overload: what the catalog hands to an engine
 * that calls functions generically (the embedded Calcite engine) and to the catalog's own
 * example checks. Each KPI also has a typed accumulator with primitive {@code add} methods;
 * this view only unboxes and delegates to it.
 *
 * <p>Argument values follow {@link dev.kpisql.udfs.catalog.ArgType}'s internal representation
 * (DATE as epoch days, TIMESTAMP as epoch microseconds). A caller skips rows in which any
 * argument is NULL before calling {@link #add} (contract C2).
 */
public interface KpiAccumulator
{
    void add(Object... arguments);

    /** Folds {@code other}, an accumulator of the same overload, into this one. */
    void merge(KpiAccumulator other);

    /**
     * A {@link Double}, a {@link String}, or {@code null} for NULL; for a function whose result is
     * a ROW, an unmodifiable {@code Map} of the catalog's field names to their values, in field order.
     */
    Object result();
}

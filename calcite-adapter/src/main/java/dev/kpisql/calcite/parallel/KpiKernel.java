package dev.kpisql.calcite.parallel;

/**
 * Adds rows of a slice to the accumulators of one catalog aggregate signature: for each of the
 * first {@code count} entries {@code row} of {@code rows} whose arguments are all non-NULL, the
 * values at {@code row} of {@code args} go to the accumulator {@code states[groupOf[row]]}.
 * Public for the classes {@link KpiKernels} generates.
 */
public interface KpiKernel
{
    void add(Object[] states, int[] groupOf, int[] rows, int count, Vector[] args);
}

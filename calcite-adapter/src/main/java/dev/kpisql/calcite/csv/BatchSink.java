package dev.kpisql.calcite.csv;

/** What a parallel scan hands rows to: one sink per thread, fed slices of batches. */
public interface BatchSink
{
    /**
     * Takes rows {@code [from, to)} of {@code batch}. The batch may be reused once this returns.
     *
     * @param ordinal the position of row {@code from} in the file; the rows after it follow it by
     * one each, and a row further into the file always has a larger ordinal
     */
    void accept(ColumnBatch batch, int from, int to, long ordinal);
}

package dev.kpisql.calcite.csv;

import java.util.List;

/**
 * Consecutive rows of a CSV table held column by column: what one thread parses from one byte
 * range of a file, what the columnar cache keeps, and what the parallel aggregation reads.
 */
public final class ColumnBatch
{
    private final Column[] columns;
    private int rows;

    ColumnBatch(List<CsvType> types, int capacity)
    {
        columns = new Column[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new Column(types.get(c), capacity);
        }
    }

    public int rows()
    {
        return rows;
    }

    public int columnCount()
    {
        return columns.length;
    }

    public Column column(int index)
    {
        return columns[index];
    }

    /** Row {@code row} as Calcite's scan hands it on: one internal value (or null) per column. */
    Object[] row(int row)
    {
        Object[] values = new Object[columns.length];
        for (int c = 0; c < values.length; c++) {
            values[c] = columns[c].value(row);
        }
        return values;
    }

    /** Makes room for row {@code rows()}, the one the reader fills next. */
    void ensureRoomForOneMore()
    {
        if (columns.length > 0 && rows >= columns[0].capacity()) {
            for (Column column : columns) {
                column.ensureCapacity(rows + 1, rows);
            }
        }
    }

    void commitRow()
    {
        rows++;
    }

    /** Starts again from row 0, keeping the arrays, for a reader that hands each slice on and reuses the batch. */
    void clear()
    {
        rows = 0;
        for (Column column : columns) {
            column.clearStringBytes();
        }
    }

    /** Shrinks every array to the rows held, before the batch is kept. */
    void trim()
    {
        for (Column column : columns) {
            column.trim(rows);
        }
    }

    long retainedBytes()
    {
        long bytes = 32;
        for (Column column : columns) {
            bytes += column.retainedBytes();
        }
        return bytes;
    }
}

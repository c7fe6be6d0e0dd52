package dev.kpisql.calcite.csv;

import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Arrays;

/**
 * The values of one column for consecutive rows of a {@link ColumnBatch}, in one primitive array
 * of Calcite's internal representation: BIGINT and TIMESTAMP (milliseconds) in {@link #longs},
 * DOUBLE in {@link #doubles}, DATE (days) in {@link #ints}, BOOLEAN in {@link #booleans}, VARCHAR
 * in {@link #strings}. {@link #nulls} marks the NULL rows; it is null until the column holds a
 * NULL, so a column without NULLs costs no check per row. Not thread-safe: a column is filled by
 * one thread and read by others only after it is complete.
 */
public final class Column
{
    private final CsvType type;
    private long[] longs;
    private double[] doubles;
    private int[] ints;
    private boolean[] booleans;
    private String[] strings;
    private boolean[] nulls;
    private int capacity;
    /** The heap of the distinct String objects this column holds (repeated values share one object). */
    private long stringBytes;

    Column(CsvType type, int capacity)
    {
        this.type = type;
        allocate(capacity);
    }

    public SqlTypeName sqlType()
    {
        return type.sqlType();
    }

    CsvType type()
    {
        return type;
    }

    public long[] longs()
    {
        return longs;
    }

    public double[] doubles()
    {
        return doubles;
    }

    public int[] ints()
    {
        return ints;
    }

    public boolean[] booleans()
    {
        return booleans;
    }

    public String[] strings()
    {
        return strings;
    }

    /** Which rows are NULL, or null when none is. */
    public boolean[] nulls()
    {
        return nulls;
    }

    public boolean isNull(int row)
    {
        return nulls != null && nulls[row];
    }

    void setNull(int row)
    {
        if (nulls == null) {
            nulls = new boolean[capacity];
        }
        nulls[row] = true;
        if (strings != null) {
            strings[row] = null;
        }
    }

    /** Marks a row that a reused column may have held as NULL before as not NULL. */
    void setNotNull(int row)
    {
        if (nulls != null) {
            nulls[row] = false;
        }
    }

    /** The value of {@code row} as Calcite's generated code expects it: Long, Double, Integer, Boolean, String, or null. */
    public Object value(int row)
    {
        if (isNull(row)) {
            return null;
        }
        return switch (type) {
            case BIGINT, TIMESTAMP -> longs[row];
            case DOUBLE -> doubles[row];
            case DATE -> ints[row];
            case BOOLEAN -> booleans[row];
            case VARCHAR -> strings[row];
        };
    }

    int capacity()
    {
        return capacity;
    }

    /** Makes room for at least {@code rows} rows, keeping the first {@code used}. */
    void ensureCapacity(int rows, int used)
    {
        if (rows <= capacity) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(rows, capacity + (capacity >> 1) + 16L));
        resize(grown, used);
    }

    /** Shrinks the arrays to exactly {@code rows} rows, for a batch that is kept. */
    void trim(int rows)
    {
        if (rows < capacity) {
            resize(rows, rows);
        }
    }

    private void resize(int size, int used)
    {
        switch (type) {
            case BIGINT, TIMESTAMP -> longs = Arrays.copyOf(longs, size);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, size);
            case DATE -> ints = Arrays.copyOf(ints, size);
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, size);
            case VARCHAR -> strings = Arrays.copyOf(strings, size);
        }
        if (nulls != null) {
            nulls = Arrays.copyOf(nulls, size);
        }
        capacity = size;
    }

    private void allocate(int size)
    {
        switch (type) {
            case BIGINT, TIMESTAMP -> longs = new long[size];
            case DOUBLE -> doubles = new double[size];
            case DATE -> ints = new int[size];
            case BOOLEAN -> booleans = new boolean[size];
            case VARCHAR -> strings = new String[size];
        }
        capacity = size;
    }

    /** The heap this column holds, each String object counted once. */
    long retainedBytes()
    {
        long bytes = 16 + (nulls == null ? 0 : 16 + (long) capacity);
        bytes += switch (type) {
            case BIGINT, TIMESTAMP, DOUBLE -> 16 + 8L * capacity;
            case DATE -> 16 + 4L * capacity;
            case BOOLEAN -> 16 + (long) capacity;
            case VARCHAR -> 16 + 4L * capacity + stringBytes;
        };
        return bytes;
    }

    /** Stores a string the reader made for this column, counting its heap. */
    void setNewString(int row, String value)
    {
        strings[row] = value;
        stringBytes += 40 + (long) value.length();
    }

    /** Forgets the strings' heap when a reused column starts again from row 0. */
    void clearStringBytes()
    {
        stringBytes = 0;
    }
}

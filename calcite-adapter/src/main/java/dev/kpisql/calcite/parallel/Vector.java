package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.csv.Column;

/**
 * The values of one expression for the rows of a slice: value {@code i} of the slice is at
 * {@code offset + i} of the array of its {@link Kind}, NULL where {@code nulls} (null when no
 * value is NULL) says so. A column of the scan is a view of the batch's own arrays; a computed
 * expression fills arrays of its own, from offset 0. Public for the generated kernels.
 */
public final class Vector
{
    /** The Java representation of a SQL type, as Calcite's generated code has it. */
    public enum Kind
    {
        /** BIGINT, and TIMESTAMP as milliseconds */
        LONG,
        DOUBLE,
        /** DATE as days */
        INT,
        BOOLEAN,
        /** VARCHAR */
        STRING
    }

    public final Kind kind;
    public long[] longs;
    public double[] doubles;
    public int[] ints;
    public boolean[] booleans;
    public String[] strings;
    public boolean[] nulls;
    public int offset;

    Vector(Kind kind)
    {
        this.kind = kind;
    }

    /** Points at rows {@code from...} of a batch's column. */
    Vector view(Column column, int from)
    {
        longs = column.longs();
        doubles = column.doubles();
        ints = column.ints();
        booleans = column.booleans();
        strings = column.strings();
        nulls = column.nulls();
        offset = from;
        return this;
    }

    /** Arrays of its own for {@code rows} values from offset 0; the NULL marks all clear. */
    Vector ownArrays(int rows)
    {
        offset = 0;
        switch (kind) {
            case LONG -> longs = longs != null && longs.length >= rows ? longs : new long[rows];
            case DOUBLE -> doubles = doubles != null && doubles.length >= rows ? doubles : new double[rows];
            case INT -> ints = ints != null && ints.length >= rows ? ints : new int[rows];
            case BOOLEAN -> booleans = booleans != null && booleans.length >= rows ? booleans : new boolean[rows];
            case STRING -> strings = strings != null && strings.length >= rows ? strings : new String[rows];
        }
        if (nulls == null || nulls.length < rows) {
            nulls = new boolean[rows];
        }
        else {
            java.util.Arrays.fill(nulls, 0, rows, false);
        }
        return this;
    }

    public boolean isNull(int i)
    {
        return nulls != null && nulls[offset + i];
    }

    /** Value {@code i} as Calcite's generated code expects it: Long, Double, Integer, Boolean, String, or null. */
    Object value(int i)
    {
        if (isNull(i)) {
            return null;
        }
        int at = offset + i;
        return switch (kind) {
            case LONG -> longs[at];
            case DOUBLE -> doubles[at];
            case INT -> ints[at];
            case BOOLEAN -> booleans[at];
            case STRING -> strings[at];
        };
    }
}

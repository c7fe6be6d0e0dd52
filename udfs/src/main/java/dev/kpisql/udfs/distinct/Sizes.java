package dev.kpisql.udfs.distinct;

/**
 * Conservative heap sizes for {@code retainedBytes()}: a 16-byte header for every object and
 * array (12 with compressed class pointers, plus alignment), 8 bytes for every field, and
 * array contents rounded up to 8 bytes. Over-estimating is safe; under-estimating is not.
 */
public final class Sizes
{
    public static final long OBJECT_HEADER = 16;
    public static final long ARRAY_HEADER = 16;

    private Sizes() {}

    /** An object of {@code fields} fields of at most 8 bytes each. */
    public static long instance(int fields)
    {
        return OBJECT_HEADER + 8L * fields;
    }

    public static long of(long[] array)
    {
        return array == null ? 0 : ARRAY_HEADER + 8L * array.length;
    }

    public static long of(int[] array)
    {
        return array == null ? 0 : ARRAY_HEADER + align(4L * array.length);
    }

    public static long of(byte[] array)
    {
        return array == null ? 0 : ARRAY_HEADER + align(array.length);
    }

    private static long align(long bytes)
    {
        return (bytes + 7) & ~7L;
    }
}

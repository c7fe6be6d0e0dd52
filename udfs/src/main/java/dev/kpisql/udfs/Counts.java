package dev.kpisql.udfs;

/**
 * Exact 64-bit counting: an overflow is a {@link KpiException}, never a wrap.
 */
public final class Counts
{
    private Counts() {}

    public static long add(String function, String what, long a, long b)
    {
        long sum = a + b;
        // overflow iff both operands have the sign opposite to the result (Hacker's Delight 2-13)
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw KpiException.overflow(function, "count of " + what, "BIGINT");
        }
        return sum;
    }

    public static long increment(String function, String what, long a)
    {
        if (a == Long.MAX_VALUE) {
            throw KpiException.overflow(function, "count of " + what, "BIGINT");
        }
        return a + 1;
    }

    public static long addSum(String function, String what, long a, long b)
    {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw KpiException.overflow(function, "sum of " + what, "BIGINT");
        }
        return sum;
    }
}

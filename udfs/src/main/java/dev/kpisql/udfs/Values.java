package dev.kpisql.udfs;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Unboxing of the internal argument values that {@link KpiAccumulator#add} receives. */
public final class Values
{
    private Values() {}

    /** True for Long, Integer, Short, Byte and BigInteger: values that take a BIGINT path. */
    public static boolean isIntegral(Object value)
    {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger;
    }

    public static long asLong(Object value)
    {
        if (value instanceof BigInteger big) {
            return big.longValueExact();
        }
        return ((Number) value).longValue();
    }

    public static double asDouble(Object value)
    {
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        return ((Number) value).doubleValue();
    }

    public static boolean asBoolean(Object value)
    {
        return (Boolean) value;
    }
}

package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;

import java.math.BigDecimal;

/**
 * Time amounts of contract S1 in the unit of their clock: microseconds for a TIMESTAMP
 * {@code ts} (an INTERVAL's milliseconds × 1,000, a BIGINT's seconds × 1,000,000), the clock's
 * own unit for a BIGINT {@code ts}. A negative amount, an INTERVAL with a BIGINT clock and an
 * amount that leaves BIGINT in microseconds are the user's errors.
 */
public final class TimeAmounts
{
    private static final long MICROS_PER_MILLI = 1_000;
    private static final long MICROS_PER_SECOND = 1_000_000;

    private TimeAmounts() {}

    /**
     * @param amount milliseconds for an INTERVAL, the BIGINT's value otherwise
     * @return the amount in the clock's unit
     */
    public static long inClockUnits(String function, String argument, long amount, AmountType type, Clock clock)
    {
        if (clock == Clock.BIGINT && type == AmountType.INTERVAL) {
            throw KpiException.invalid(function, argument + " " + shown(amount, type, clock)
                    + " is an INTERVAL but ts is a BIGINT clock: give the " + argument + " as a BIGINT in ts's own unit");
        }
        if (amount < 0) {
            throw KpiException.invalid(function, argument + " " + shown(amount, type, clock) + " is negative");
        }
        if (clock == Clock.BIGINT) {
            return amount;
        }
        long factor = type == AmountType.INTERVAL ? MICROS_PER_MILLI : MICROS_PER_SECOND;
        if (amount > Long.MAX_VALUE / factor) {
            throw KpiException.overflow(function, argument + " " + shown(amount, type, clock) + " in microseconds", "BIGINT");
        }
        return amount * factor;
    }

    /** Seconds for a pattern's {@code (?t OP S)} with a TIMESTAMP clock, as they are. */
    public static long patternSeconds(String function, String what, long seconds, Clock clock)
    {
        if (clock == Clock.BIGINT) {
            return seconds;
        }
        if (seconds > Long.MAX_VALUE / MICROS_PER_SECOND) {
            throw KpiException.overflow(function, what + ": " + seconds + " s in microseconds", "BIGINT");
        }
        return seconds * MICROS_PER_SECOND;
    }

    /** A raw amount as the user gave it: {@code 3600 s}, {@code 0.5 s} (an INTERVAL or seconds) or {@code 3600} (clock units). */
    static String shown(long amount, AmountType type, Clock clock)
    {
        if (type == AmountType.INTERVAL) {
            return BigDecimal.valueOf(amount, 3).stripTrailingZeros().toPlainString() + " s";
        }
        return clock == Clock.TIMESTAMP ? amount + " s" : Long.toString(amount);
    }

    /** An amount already in clock units: microseconds shown as seconds, clock units as they are. */
    static String inClockUnitsShown(long amount, Clock clock)
    {
        return clock == Clock.TIMESTAMP ? BigDecimal.valueOf(amount, 6).stripTrailingZeros().toPlainString() + " s" : Long.toString(amount);
    }

    /** Whether {@code later − earlier ≤ amount}, exactly, for {@code later ≥ earlier} anywhere in the BIGINT range. */
    static boolean withinAmount(long earlier, long later, long amount)
    {
        // later − earlier lies in [0, 2^64): its unsigned value is exact even when the signed one overflows
        return Long.compareUnsigned(later - earlier, amount) <= 0;
    }

    /**
     * A parameter that must be the same in every row of a group (S3). The message names both
     * values in ascending order, so it does not depend on the order in which rows arrive.
     */
    static KpiException notConstant(String function, String argument, String first, String second)
    {
        String low = first.compareTo(second) <= 0 ? first : second;
        String high = first.compareTo(second) <= 0 ? second : first;
        return KpiException.invalid(function, argument + " must be constant within a group, got " + low + " and " + high);
    }

    /** An amount in clock units that differs within a group: the two amounts, ascending. */
    static KpiException amountNotConstant(String function, String argument, long first, long second, Clock clock)
    {
        return KpiException.invalid(function, argument + " must be constant within a group, got "
                + inClockUnitsShown(Math.min(first, second), clock) + " and " + inClockUnitsShown(Math.max(first, second), clock));
    }
}

package dev.kpisql.udfs;

/**
 * Validation of single argument values. Every failure is a {@link KpiException} whose message
 * names the function, the argument, the bad value and what is allowed.
 */
public final class Check
{
    private Check() {}

    public static long nonNegative(String function, String argument, long value)
    {
        if (value < 0) {
            throw KpiException.invalid(function, argument + " " + value + " is negative");
        }
        return value;
    }

    public static double finite(String function, String argument, double value)
    {
        if (!Double.isFinite(value)) {
            throw KpiException.invalid(function, argument + " " + format(value) + " is not a finite number");
        }
        return value;
    }

    public static double nonNegative(String function, String argument, double value)
    {
        finite(function, argument, value);
        if (value < 0) {
            throw KpiException.invalid(function, argument + " " + format(value) + " is negative");
        }
        // -0.0 becomes 0.0 so that sums and comparisons never see a negative zero
        return value + 0.0;
    }

    public static long inRange(String function, String argument, long value, long min, long max)
    {
        if (value < min || value > max) {
            throw KpiException.invalid(function, argument + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** A score given as a DOUBLE must still be a whole number of its scale. */
    public static long wholeInRange(String function, String argument, double value, long min, long max)
    {
        finite(function, argument, value);
        if (value != Math.rint(value)) {
            throw KpiException.invalid(function, argument + " " + format(value) + " is not a whole number");
        }
        if (value < min || value > max) {
            throw KpiException.invalid(function, argument + " " + format(value) + " is outside " + min + ".." + max);
        }
        return (long) value;
    }

    /**
     * A parameter that must be the same in every row of a group, such as a scale or a confidence
     * level. The message names the two values in ascending order, so it does not depend on the
     * order in which an engine meets the rows.
     */
    public static void sameInGroup(String function, String argument, double current, double next)
    {
        if (current != next) {
            throw KpiException.invalid(function, argument + " must be constant within a group, got "
                    + format(Math.min(current, next)) + " and " + format(Math.max(current, next)));
        }
    }

    /** Formats a double the way a user typed it: whole values without a trailing ".0". */
    public static String format(double value)
    {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;

import java.util.List;

/**
 * An ARRAY(BOOLEAN) argument of steps or conditions (contract S2) as an {@code int} whose bit
 * {@code i} is element {@code i + 1}: 1 to 32 elements, a NULL element is false, and every row of a
 * group has the same length.
 */
public final class Conditions
{
    public static final int MAX = 32;

    private Conditions() {}

    /** The bits of a list of flags; NULL elements and elements past the 32nd are false. */
    public static int mask(List<?> flags)
    {
        int mask = 0;
        int size = Math.min(flags.size(), MAX);
        for (int i = 0; i < size; i++) {
            if (Boolean.TRUE.equals(flags.get(i))) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** Checks that an array has 1 to 32 elements. */
    public static void checkLength(String function, String argument, int length)
    {
        if (length < 1 || length > MAX) {
            throw KpiException.invalid(function, argument + " has " + length + " elements; 1 to " + MAX + " are allowed");
        }
    }

    /** The group's length once known, checked against a row's (0 before the first row). */
    static int sameLength(String function, String argument, int groupLength, int length)
    {
        if (groupLength != 0 && groupLength != length) {
            throw KpiException.invalid(function, argument + " must have the same length on every row of a group, got "
                    + Math.min(groupLength, length) + " and " + Math.max(groupLength, length));
        }
        return length;
    }
}

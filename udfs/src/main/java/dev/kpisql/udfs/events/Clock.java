package dev.kpisql.udfs.events;

/**
 * What an event's {@code ts} is (contract S1), which decides the unit of every time amount of its
 * group: a TIMESTAMP is compared exactly in microseconds and its BIGINT amounts are seconds; a
 * BIGINT clock is in any unit and its amounts are in the same unit.
 */
public enum Clock
{
    /** A TIMESTAMP of precision 0 to 6, held as microseconds since 1970-01-01 00:00:00. */
    TIMESTAMP,
    /** A BIGINT clock: epoch seconds, milliseconds, a sequence number … */
    BIGINT;

    static Clock of(int ordinal, String what)
    {
        if (ordinal < 0 || ordinal >= values().length) {
            throw new IllegalArgumentException("corrupt serialized " + what + " state: unknown clock " + ordinal);
        }
        return values()[ordinal];
    }
}

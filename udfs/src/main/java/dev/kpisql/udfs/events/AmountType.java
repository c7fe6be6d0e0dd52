package dev.kpisql.udfs.events;

/** How a time amount ({@code window}, {@code gap}) was given in SQL (contract S1). */
public enum AmountType
{
    /** An INTERVAL DAY TO SECOND, held as milliseconds, as both engines hold it. */
    INTERVAL,
    /** A BIGINT: seconds with a TIMESTAMP {@code ts}, the clock's own unit with a BIGINT {@code ts}. */
    BIGINT;

    static AmountType of(int ordinal, String what)
    {
        if (ordinal < 0 || ordinal >= values().length) {
            throw new IllegalArgumentException("corrupt serialized " + what + " state: unknown amount type " + ordinal);
        }
        return values()[ordinal];
    }
}

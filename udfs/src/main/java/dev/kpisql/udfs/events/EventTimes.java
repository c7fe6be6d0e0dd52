package dev.kpisql.udfs.events;

import java.time.Instant;

/** Conversions of event times between the catalog's boxed values and the core's microseconds. */
public final class EventTimes
{
    private EventTimes() {}

    /** Microseconds since 1970-01-01 00:00:00 of an instant (a TIMESTAMP read as UTC). */
    public static long micros(Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}

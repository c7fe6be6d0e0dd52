package dev.kpisql.udfs.engagement;

import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.Sums;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static java.util.Objects.requireNonNull;

/**
 * The average of end − start in seconds, from TIMESTAMP pairs given as microseconds since the
 * epoch ({@code avg_session_duration}, {@code time_to_value}). Durations are summed exactly in
 * microseconds, so the answer does not depend on the order of rows; an end before its start
 * fails the query.
 */
public final class Duration
{
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String function;
    private final String startArgument;
    private final String endArgument;

    public Duration(String function, String startArgument, String endArgument)
    {
        this.function = requireNonNull(function, "function");
        this.startArgument = requireNonNull(startArgument, "startArgument");
        this.endArgument = requireNonNull(endArgument, "endArgument");
    }

    public String function()
    {
        return function;
    }

    public void add(DurationState state, long startMicros, long endMicros)
    {
        if (endMicros < startMicros) {
            throw KpiException.invalid(function, endArgument + " " + format(endMicros) + " is before " + startArgument + " " + format(startMicros));
        }
        long duration = endMicros - startMicros;
        if (duration < 0) {
            throw KpiException.overflow(function, "duration", "BIGINT");
        }
        state.setTotalMicros(Counts.addSum(function, "durations", state.getTotalMicros(), duration));
        state.setCount(Counts.increment(function, "rows", state.getCount()));
    }

    public void merge(DurationState state, DurationState other)
    {
        state.setTotalMicros(Counts.addSum(function, "durations", state.getTotalMicros(), other.getTotalMicros()));
        state.setCount(Counts.add(function, "rows", state.getCount(), other.getCount()));
    }

    /** The average duration in seconds, or NULL for an empty group. */
    public Double result(DurationState state)
    {
        return Sums.ratio(function, state.getTotalMicros() / 1e6, state.getCount(), 1);
    }

    /** A timestamp as users write it, with a fraction only when it has one. */
    static String format(long micros)
    {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
        String text = SECONDS.format(time);
        int fraction = time.getNano() / 1000;
        if (fraction == 0) {
            return text;
        }
        return text + String.format(".%06d", fraction).replaceAll("0+$", "");
    }
}

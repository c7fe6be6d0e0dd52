package dev.kpisql.udfs.events;

import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static dev.kpisql.udfs.catalog.Example.row;

/**
 * The catalog entries of the contract's "Event sequences" family: funnels, retention, sequences
 * and sessions over the raw event log. Every example's answer is worked out by hand from the
 * contract's definition (and, where the definition defers to it, ClickHouse's algorithm).
 */
public final class EventFunctions
{
    public static final String WINDOW_FUNNEL_DESCRIPTION = "Returns the furthest step of an ordered funnel that the group reached within window of a step-1 event, by ClickHouse's windowFunnel algorithm";
    public static final String WINDOW_FUNNEL_MODE_DESCRIPTION = "Returns the furthest step of an ordered funnel reached within window of a step-1 event, with ClickHouse's modes strict_deduplication, strict_order, strict_increase and strict_once";
    public static final String RETENTION_DESCRIPTION = "Returns ClickHouse's retention array: element 1 is 1 when condition 1 held on a row of the group, element i is 1 when conditions 1 and i each held on some row";
    public static final String SEQUENCE_MATCH_DESCRIPTION = "Returns whether the group's events, in time order, contain the pattern, in ClickHouse's sequenceMatch grammar";
    public static final String SEQUENCE_COUNT_DESCRIPTION = "Returns the number of non-overlapping matches of the pattern in the group's events, left to right, as ClickHouse's sequenceCount";
    public static final String SESSION_COUNT_DESCRIPTION = "Returns the number of sessions among the group's events: a new one starts at the first event and after every pause longer than gap";

    private static final String TS_MEANING = "when the event happened: a TIMESTAMP (compared in microseconds) or a BIGINT clock in any unit";
    private static final Argument WINDOW = new Argument("window", ArgType.TIME_AMOUNT,
            "the funnel's window, from the step-1 event: an INTERVAL, or a BIGINT (seconds with a TIMESTAMP ts, ts's unit with a BIGINT ts)");
    private static final Argument TS = new Argument("ts", ArgType.EVENT_TIME, TS_MEANING);
    private static final Argument STEPS = new Argument("steps", ArgType.CONDITIONS, "the funnel's steps as flags of the row, ARRAY[event = 'view', event = 'cart', …]; NULL is false");
    private static final Argument MODE = new Argument("mode", ArgType.TEXT, "'' or a comma-separated list of strict_deduplication, strict_order, strict_increase, strict_once");
    private static final Argument CONDITIONS = new Argument("conditions", ArgType.CONDITIONS, "the conditions as flags of the row, ARRAY[…]; NULL is false");
    private static final Argument PATTERN = new Argument("pattern", ArgType.TEXT, "(?N), ., .* and (?t OP S) without spaces, e.g. '(?1).*(?t<=600)(?2)'");
    private static final Argument GAP = new Argument("gap", ArgType.TIME_AMOUNT,
            "the longest pause inside a session: an INTERVAL, or a BIGINT (seconds with a TIMESTAMP ts, ts's unit with a BIGINT ts)");

    private static final String COMMON_NOTES = "A row whose ts or array is NULL (or any argument) is skipped; a NULL element of the array is false. "
            + "A group whose rows were all skipped returns NULL; a group with rows but no match returns 0 or false. "
            + "The array has 1 to 32 elements and one length in a group; the parameters are constant within a group; anything else fails the query. "
            + "A time amount is an INTERVAL DAY TO SECOND or a BIGINT: with a TIMESTAMP ts a BIGINT amount is seconds, with a BIGINT ts it is in ts's own unit; "
            + "an INTERVAL with a BIGINT ts, a negative amount and one that overflows in microseconds fail the query. "
            + "The answer does not depend on row order or splitting: rows are sorted by ts when the answer is computed.";

    private static final LocalDateTime NOON = LocalDateTime.of(2024, 3, 1, 12, 0);

    private EventFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of(windowFunnel(), retention(), sequenceMatch(), sequenceCount(), sessionCount());
    }

    private static List<Boolean> flags(Boolean... values)
    {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private static KpiFunction windowFunnel()
    {
        String notes = COMMON_NOTES + " Entries (ts, step) are read in ts order, ties in step order, as in ClickHouse: every step-1 event starts the chain again, "
                + "one row may fill several consecutive steps, and other events in between are allowed. The window is inclusive. "
                + "With strict_once, rows of one ts are told apart by their order in ts, lowest true step, then step bits (ClickHouse: by arrival); past "
                + Funnel.MAX_MATCHING_STEPS + " matching steps (thousands of different rows at one ts filling several steps) the query fails. "
                + "The modes 'strict' (renamed strict_deduplication in ClickHouse) and 'allow_reentry' are not accepted.";
        Duration hour = Duration.ofHours(1);
        return new KpiFunction("window_funnel", Kind.AGGREGATE, SqlType.BIGINT, "steps reached (0..N)", notes, List.of(
                Overload.aggregate(List.of(WINDOW, TS, STEPS), WINDOW_FUNNEL_DESCRIPTION,
                        "largest k with events e1 … ek, step i true on ei, ts(e1) ≤ ts(e2) ≤ … ≤ ts(ek) ≤ ts(e1) + window; 0 without a step-1 event",
                        WindowFunnelAccumulator::new,
                        new Example("view, cart and checkout within the hour; the payment 90 minutes after the view is too late", List.of(
                                row(hour, NOON, flags(true, false, false, false)),
                                row(hour, NOON.plusMinutes(10), flags(false, true, false, false)),
                                row(hour, NOON.plusMinutes(30), flags(false, false, true, false)),
                                row(hour, NOON.plusMinutes(90), flags(false, false, false, true))), 3L),
                        new Example("a later view starts the window again; the window (3600 s) is inclusive", List.of(
                                row(3600L, NOON, flags(true, false, false)),
                                row(3600L, NOON.plusHours(2), flags(true, false, false)),
                                row(3600L, NOON.plusMinutes(150), flags(false, true, false)),
                                row(3600L, NOON.plusHours(3), flags(false, false, true))), 3L),
                        new Example("a BIGINT clock; one row fills steps 2 and 3; NULLs", List.of(
                                row(5L, 1L, flags(true, false, false)),
                                row(5L, 3L, flags(false, true, true)),
                                row(5L, null, flags(true, true, true)),
                                row(5L, 4L, flags(null, false, false))), 3L),
                        new Example("rows, but no step-1 event", List.of(
                                row(hour, NOON, flags(false, true)),
                                row(hour, NOON.plusMinutes(1), flags(false, true))), 0L),
                        Example.invalid("a negative window", List.of(row(-1L, NOON, flags(true))), "window_funnel: window -1 s is negative"),
                        Example.invalid("an INTERVAL window with a BIGINT clock", List.of(row(hour, 5L, flags(true))),
                                "window_funnel: window 3600 s is an INTERVAL but ts is a BIGINT clock: give the window as a BIGINT in ts's own unit"),
                        Example.invalid("steps of two lengths", List.of(row(10L, 1L, flags(true, false)), row(10L, 2L, flags(true))),
                                "window_funnel: steps must have the same length on every row of a group, got 1 and 2")),
                Overload.aggregate(List.of(WINDOW, TS, STEPS, MODE), WINDOW_FUNNEL_MODE_DESCRIPTION,
                        "the same largest k, the scan stopped or the chain restricted as the mode says",
                        WindowFunnelAccumulator::new,
                        new Example("strict_order: an event matching no step between view and cart stops the funnel at step 1", List.of(
                                row(3600L, NOON, flags(true, false, false), "strict_order"),
                                row(3600L, NOON.plusMinutes(1), flags(false, false, false), "strict_order"),
                                row(3600L, NOON.plusMinutes(2), flags(false, true, false), "strict_order"),
                                row(3600L, NOON.plusMinutes(3), flags(false, false, true), "strict_order")), 1L),
                        new Example("strict_deduplication: a second install and start stop the scan at step 3 (without the mode: 4)", List.of(
                                row(60L, NOON, flags(true, false, false, false), "strict_deduplication"),
                                row(60L, NOON.plusSeconds(5), flags(false, true, false, false), "strict_deduplication"),
                                row(60L, NOON.plusSeconds(10), flags(false, false, true, false), "strict_deduplication"),
                                row(60L, NOON.plusSeconds(15), flags(true, false, false, false), "strict_deduplication"),
                                row(60L, NOON.plusSeconds(20), flags(false, true, false, false), "strict_deduplication"),
                                row(60L, NOON.plusSeconds(40), flags(false, false, false, true), "strict_deduplication")), 3L),
                        new Example("strict_increase: steps 2 and 3 at the same instant do not chain (without the mode: 3)", List.of(
                                row(10L, 0L, flags(true, false, false), "strict_increase"),
                                row(10L, 1L, flags(false, true, false), "strict_increase"),
                                row(10L, 1L, flags(false, false, true), "strict_increase")), 2L),
                        new Example("strict_once, in any case and with spaces: one row fills one step of a chain (without the mode: 3)", List.of(
                                row(10L, 0L, flags(true, true, false), " Strict_Once "),
                                row(10L, 2L, flags(false, false, true), " Strict_Once ")), 1L),
                        new Example("'' is the default mode", List.of(
                                row(10L, 0L, flags(true, true, false), ""),
                                row(10L, 2L, flags(false, false, true), "")), 3L),
                        Example.invalid("an unknown mode", List.of(row(10L, 0L, flags(true), "strict_order, fastest")),
                                "window_funnel: mode 'strict_order, fastest' names an unknown mode 'fastest'; the modes are strict_deduplication, strict_order, strict_increase and strict_once, comma-separated"),
                        Example.invalid("a mode that changes within the group", List.of(row(10L, 0L, flags(true), "strict_order"), row(10L, 1L, flags(true), "strict_once")),
                                "window_funnel: mode must be constant within a group, got 'strict_once' and 'strict_order'"))));
    }

    private static KpiFunction retention()
    {
        return new KpiFunction("retention", Kind.AGGREGATE, SqlType.INTEGER_ARRAY, "0/1 per condition", COMMON_NOTES
                + " Condition 1 and condition i may hold on different rows, in any order; element i does not depend on element i − 1 (ClickHouse's definition). "
                + "One condition is allowed (ClickHouse asks for two). Sum element i over users to count those retained at step i: sum(r[2]).",
                List.of(Overload.aggregate(List.of(CONDITIONS), RETENTION_DESCRIPTION,
                        "r[1] = any(condition 1); r[i] = any(condition 1) AND any(condition i), as 0 or 1",
                        EventRetentionAccumulator::new,
                        new Example("signed up, came back in week 1, not in week 2", List.of(
                                row(flags(true, false, false)), row(flags(false, true, false)), row(flags(false, true, false))), List.of(1L, 1L, 0L)),
                        new Example("without condition 1 nothing counts", List.of(row(flags(false, true, true))), List.of(0L, 0L, 0L)),
                        new Example("one row meets conditions 1 and 3; a NULL element is false; a NULL array is skipped", List.of(
                                row(flags(true, null, true)), row((Object) null)), List.of(1L, 0L, 1L)),
                        new Example("a single condition", List.of(row(flags(false)), row(flags(true))), List.of(1L)),
                        Example.invalid("arrays of two lengths", List.of(row(flags(true, false)), row(flags(true))),
                                "retention: conditions must have the same length on every row of a group, got 1 and 2"))));
    }

    private static KpiFunction sequenceMatch()
    {
        return new KpiFunction("sequence_match", Kind.AGGREGATE, SqlType.BOOLEAN, "true or false", sequenceNotes(),
                List.of(Overload.aggregate(List.of(PATTERN, TS, CONDITIONS), SEQUENCE_MATCH_DESCRIPTION,
                        "whether the events (rows with a true condition, by ts) contain the pattern; (?N) an event with condition N, . any event, .* any events, (?t OP S) a time since the previous match",
                        () -> new SequenceAccumulator(SequenceAccumulator.Kind.MATCH),
                        new Example("an error, then a support contact within 10 minutes; the page view between is not an event", List.of(
                                row("(?1)(?t<=600)(?2)", NOON, flags(true, false)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(2), flags(false, false)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(8), flags(false, true))), true),
                        new Example("the contact 11 minutes after the error is too late", List.of(
                                row("(?1)(?t<=600)(?2)", NOON, flags(true, false)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(11), flags(false, true))), false),
                        new Example("a BIGINT clock: (?1), anything, then (?2) right before (?3)", List.of(
                                row("(?1).*(?2)(?3)", 1L, flags(true, false, false)),
                                row("(?1).*(?2)(?3)", 2L, flags(false, false, true)),
                                row("(?1).*(?2)(?3)", 3L, flags(false, true, false)),
                                row("(?1).*(?2)(?3)", 4L, flags(false, false, true))), true),
                        new Example("elements without .* need consecutive events: (?1)(?2) does not match 1, 3, 2", List.of(
                                row("(?1)(?2)", 1L, flags(true, false, false)),
                                row("(?1)(?2)", 2L, flags(false, false, true)),
                                row("(?1)(?2)", 3L, flags(false, true, false))), false),
                        Example.invalid("a condition number outside the array", List.of(row("(?1)(?3)", 1L, flags(true, false))),
                                "sequence_match: pattern '(?1)(?3)' at position 7: condition 3 is outside 1..2"),
                        Example.invalid("a space in the pattern", List.of(row("(?1) (?2)", 1L, flags(true, false))),
                                "sequence_match: pattern '(?1) (?2)' at position 5: expected (?N), (?t…), '.' or '.*', found ' '"),
                        Example.invalid("an empty pattern", List.of(row("", 1L, flags(true))),
                                "sequence_match: pattern '' at position 1: expected (?N), '.' or '.*', found the end of the pattern"))));
    }

    private static KpiFunction sequenceCount()
    {
        return new KpiFunction("sequence_count", Kind.AGGREGATE, SqlType.BIGINT, "matches", sequenceNotes(),
                List.of(Overload.aggregate(List.of(PATTERN, TS, CONDITIONS), SEQUENCE_COUNT_DESCRIPTION,
                        "matches found left to right, each search starting after the last event of the previous match",
                        () -> new SequenceAccumulator(SequenceAccumulator.Kind.COUNT),
                        new Example("errors followed by a support contact within 10 minutes: twice", List.of(
                                row("(?1)(?t<=600)(?2)", NOON, flags(true, false)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(5), flags(false, true)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(20), flags(true, false)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(50), flags(false, true)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(60), flags(true, false)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(61), flags(true, false)),
                                row("(?1)(?t<=600)(?2)", NOON.plusMinutes(65), flags(false, true))), 2L),
                        new Example("non-overlapping pairs of five events", List.of(
                                row("(?1)(?1)", 1L, flags(true)), row("(?1)(?1)", 2L, flags(true)), row("(?1)(?1)", 3L, flags(true)),
                                row("(?1)(?1)", 4L, flags(true)), row("(?1)(?1)", 5L, flags(true))), 2L),
                        new Example("'.' counts the events; a row with no true condition is none", List.of(
                                row(".", 1L, flags(true, false)), row(".", 2L, flags(false, false)), row(".", 3L, flags(false, true))), 2L),
                        new Example("no match", List.of(row("(?2)(?1)", 1L, flags(true, false)), row("(?2)(?1)", 2L, flags(false, true))), 0L),
                        Example.invalid("a time constraint that follows no element", List.of(row("(?t<5)(?1)", 1L, flags(true))),
                                "sequence_count: pattern '(?t<5)(?1)' at position 1: a time constraint must follow (?N), '.' or '.*'"),
                        Example.invalid("a pattern that changes within the group", List.of(row("(?1)", 1L, flags(true)), row("(?1).", 2L, flags(true))),
                                "sequence_count: pattern must be constant within a group, got '(?1)' and '(?1).'"))));
    }

    private static String sequenceNotes()
    {
        return COMMON_NOTES + " Events are the rows with at least one true condition; others are ignored. Events of equal ts are ordered by their lowest true condition index, "
                + "then by their conditions as a bit pattern (ClickHouse leaves that order undefined). In (?t OP S), S is seconds with a TIMESTAMP ts, ts's unit with a BIGINT ts, "
                + "measured from the event the previous element matched, exactly (not in whole seconds). An empty pattern, a space, a condition outside 1..N, "
                + "and a time constraint at the start or after another one are errors naming the position (ClickHouse accepts an empty pattern and a leading time constraint). "
                + "The backtracking search of one match stops with an error after " + Pattern.BASE_STEPS + " + " + Pattern.STEPS_PER_EVENT
                + " × events × (pattern elements + 1) steps (ClickHouse: 1,000,000).";
    }

    private static KpiFunction sessionCount()
    {
        List<List<Object>> unordered = new ArrayList<>(List.of(row(3601L, 1800L), row(0L, 1800L), row(null, 1800L), row(1800L, 1800L)));
        Duration half = Duration.ofMinutes(30);
        return new KpiFunction("session_count", Kind.AGGREGATE, SqlType.BIGINT, "sessions", "A row whose ts or gap is NULL is skipped; a group whose rows were all skipped returns NULL. "
                + "A pause of exactly gap stays in the session (the common dbt sessionization: a new session after a pause greater than the cutoff). "
                + "gap is constant within a group; a time amount is an INTERVAL DAY TO SECOND or a BIGINT: with a TIMESTAMP ts a BIGINT amount is seconds, with a BIGINT ts it is in ts's own unit; "
                + "an INTERVAL with a BIGINT ts, a negative gap and one that overflows in microseconds fail the query. "
                + "As a window function, session_count(ts, gap) OVER (PARTITION BY user_id ORDER BY ts) numbers each event's session 1, 2, … (a row with a NULL ts gets the count of its frame's other events); "
                + "events arriving in ts order cost O(1) each. Memory grows with the number of sessions, not of events.",
                List.of(Overload.aggregate(List.of(TS, GAP), SESSION_COUNT_DESCRIPTION,
                        "1 + #(consecutive events, by ts, more than gap apart)",
                        SessionCountAccumulator::new,
                        new Example("three sessions with a 30-minute gap; a pause of exactly 30 minutes stays in the session", List.of(
                                row(NOON, half), row(NOON.plusMinutes(10), half), row(NOON.plusMinutes(40), half),
                                row(NOON.plusMinutes(75), half), row(NOON.plusHours(3), half)), 3L),
                        new Example("a BIGINT clock in seconds, rows out of order and a NULL", unordered, 2L),
                        new Example("a gap of 0: equal times are one session", List.of(row(NOON, 0L), row(NOON, 0L), row(NOON.plusSeconds(1), 0L)), 2L),
                        Example.invalid("a negative gap", List.of(row(NOON, -1L)), "session_count: gap -1 s is negative"),
                        Example.overflow("a gap that overflows in microseconds", List.of(row(NOON, 9_223_372_036_855L)),
                                "session_count: gap 9223372036855 s in microseconds overflows BIGINT"))));
    }
}

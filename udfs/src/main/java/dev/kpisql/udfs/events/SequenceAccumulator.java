package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.distinct.SerialReader;
import dev.kpisql.udfs.distinct.SerialWriter;
import dev.kpisql.udfs.distinct.Sizes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code sequence_match(pattern, ts, conditions)} and {@code sequence_count(pattern, ts, conditions)}
 * over ClickHouse's pattern grammar ({@link Pattern}).
 *
 * <p>The state keeps the rows where at least one condition is true — the events; other rows only
 * count as rows, for NULL versus no match — in an {@link EventLog}, and the group's constants: the
 * clock, the pattern (parsed once, with the group's first row) and the number of conditions.
 * Events are sorted by ts, ties by their lowest true condition index (S4), when the answer is asked
 * for. A group whose rows were all skipped answers NULL; a group with rows but no match answers
 * false or 0. Not thread-safe.
 */
public final class SequenceAccumulator
        implements KpiAccumulator
{
    public static final byte VERSION = 1;

    public enum Kind
    {
        MATCH("sequence_match"),
        COUNT("sequence_count");

        private final String function;

        Kind(String function)
        {
            this.function = function;
        }

        public String function()
        {
            return function;
        }
    }

    private static final long INSTANCE_SIZE = Sizes.instance(7);

    private final Kind kind;
    private boolean seen;
    private Clock clock = Clock.TIMESTAMP;
    private int conditions;
    private byte[] patternText = new byte[0];
    private Pattern pattern;
    private EventLog events = new EventLog();

    public SequenceAccumulator(Kind kind)
    {
        this.kind = requireNonNull(kind, "kind");
    }

    public Kind kind()
    {
        return kind;
    }

    /**
     * One row.
     *
     * @param pattern the pattern's UTF-8 bytes
     * @param ts microseconds for a TIMESTAMP, the clock's value for a BIGINT
     * @param conditionBits bit {@code i} set when condition {@code i + 1} is true ({@link Conditions#mask})
     * @param conditionCount the length of the conditions array
     */
    public void add(byte[] pattern, int offset, int length, long ts, Clock clock, int conditionBits, int conditionCount)
    {
        String function = kind.function();
        Conditions.checkLength(function, "conditions", conditionCount);
        if (!seen) {
            byte[] text = Arrays.copyOfRange(pattern, offset, offset + length);
            this.pattern = Pattern.parse(function, new String(text, StandardCharsets.UTF_8), conditionCount, clock);
            this.patternText = text;
            this.clock = clock;
            this.conditions = conditionCount;
            seen = true;
        }
        else {
            if (!Arrays.equals(patternText, 0, patternText.length, pattern, offset, offset + length)) {
                throw TimeAmounts.notConstant(function, "pattern", "'" + this.pattern.text() + "'", "'" + new String(pattern, offset, length, StandardCharsets.UTF_8) + "'");
            }
            sameClock(clock);
            Conditions.sameLength(function, "conditions", conditions, conditionCount);
        }
        if (conditionBits != 0) {
            events.add(ts, conditionBits);
        }
    }

    public void add(String pattern, long ts, Clock clock, int conditionBits, int conditionCount)
    {
        byte[] bytes = pattern.getBytes(StandardCharsets.UTF_8);
        add(bytes, 0, bytes.length, ts, clock, conditionBits, conditionCount);
    }

    public void merge(SequenceAccumulator other)
    {
        if (other.kind != kind) {
            throw new IllegalArgumentException("cannot merge " + other.kind + " into " + kind);
        }
        if (!other.seen) {
            return;
        }
        if (!seen) {
            seen = true;
            clock = other.clock;
            conditions = other.conditions;
            patternText = other.patternText;
            pattern = other.pattern;
            events.addAll(other.events);
            return;
        }
        if (!Arrays.equals(patternText, other.patternText)) {
            throw TimeAmounts.notConstant(kind.function(), "pattern", "'" + pattern.text() + "'", "'" + other.pattern.text() + "'");
        }
        sameClock(other.clock);
        Conditions.sameLength(kind.function(), "conditions", conditions, other.conditions);
        events.addAll(other.events);
    }

    /** sequence_match: a Boolean; sequence_count: a Long; null when the group had no row. */
    @Override
    public Object result()
    {
        if (!seen) {
            return null;
        }
        events.sort();
        return kind == Kind.MATCH ? (Object) pattern.matches(events) : (Object) pattern.count(events);
    }

    public long retainedBytes()
    {
        // the parsed pattern is shared between groups, so it is not this state's
        return INSTANCE_SIZE + Sizes.of(patternText) + events.retainedBytes();
    }

    /** Boxed: pattern (String), ts (Instant or Long), conditions (List of Boolean). */
    @Override
    public void add(Object... arguments)
    {
        List<?> flags = (List<?>) arguments[2];
        long ts = arguments[1] instanceof Instant instant ? EventTimes.micros(instant) : ((Number) arguments[1]).longValue();
        add((String) arguments[0], ts, arguments[1] instanceof Instant ? Clock.TIMESTAMP : Clock.BIGINT, Conditions.mask(flags), flags.size());
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((SequenceAccumulator) other);
    }

    /**
     * Version 1: version, kind, seen (0/1), clock, the number of conditions, the pattern's UTF-8
     * bytes (length first), the events sorted (count, then ts and condition bits of each).
     */
    public byte[] serialize()
    {
        SerialWriter out = new SerialWriter()
                .putByte(VERSION)
                .putByte(kind.ordinal())
                .putByte(seen ? 1 : 0)
                .putByte(clock.ordinal())
                .putByte(conditions)
                .putInt(patternText.length)
                .putBytes(patternText, 0, patternText.length);
        events.write(out);
        return out.toByteArray();
    }

    public static SequenceAccumulator deserialize(byte[] serialized)
    {
        SerialReader in = SerialReader.open(serialized, "sequence", VERSION);
        int kind = in.getByte();
        if (kind < 0 || kind >= Kind.values().length) {
            throw new IllegalArgumentException("corrupt serialized sequence state: unknown kind " + kind);
        }
        SequenceAccumulator state = new SequenceAccumulator(Kind.values()[kind]);
        state.seen = in.getByte() != 0;
        state.clock = Clock.of(in.getByte(), "sequence");
        state.conditions = in.getByte();
        state.patternText = in.getBytes(in.getCount(1));
        if (state.seen) {
            state.pattern = Pattern.parse(state.kind.function(), new String(state.patternText, StandardCharsets.UTF_8), state.conditions, state.clock);
        }
        state.events = EventLog.read(in);
        in.expectEnd();
        return state;
    }

    private void sameClock(Clock other)
    {
        if (other != clock) {
            throw new IllegalArgumentException(kind.function() + ": cannot combine a " + clock + " group with a " + other + " one");
        }
    }
}

package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.distinct.SerialReader;
import dev.kpisql.udfs.distinct.SerialWriter;
import dev.kpisql.udfs.distinct.Sizes;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * {@code session_count(ts, gap)}: the number of sessions among a group's events, a new session
 * starting at the first event and whenever the time since the previous event is greater than
 * {@code gap} (a gap of exactly {@code gap} stays in the session, as dbt's sessionization does).
 *
 * <p>The state is not the events but their sessions so far: intervals [first ts, last ts], each
 * separated from the next by more than {@code gap}. Events that arrive in time order — a window
 * function {@code OVER (… ORDER BY ts)} feeds them so — extend or open the last interval in O(1),
 * and the answer is the number of intervals, so a running count over a partition of a million events
 * is linear. Events out of order are appended as one-point intervals and folded in when they
 * outnumber the folded intervals, or when the answer is asked for: sort the starts and the ends
 * separately, and a session ends before start i exactly when start i is more than {@code gap} after
 * the (i − 1)-th smallest end. Merging appends the other state's intervals the same way, so the
 * answer does not depend on arrival order or splitting. Memory grows with the number of sessions,
 * not of events. Not thread-safe.
 */
public final class SessionCountAccumulator
        implements KpiAccumulator
{
    public static final byte VERSION = 1;
    public static final String FUNCTION = "session_count";

    private static final long INSTANCE_SIZE = Sizes.instance(10);
    /** Unfolded intervals tolerated beyond twice the folded ones before folding. */
    private static final int SLACK = 1024;

    private boolean seen;
    private Clock clock = Clock.TIMESTAMP;
    private AmountType gapType = AmountType.BIGINT;
    private long rawGap;
    private long gap;
    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private int size;
    /** Intervals 0 … folded − 1 are sorted and separated by more than the gap; when all are, the state is in order. */
    private int folded;

    /**
     * One event.
     *
     * @param ts microseconds for a TIMESTAMP, the clock's value for a BIGINT
     * @param gap milliseconds for an INTERVAL, the BIGINT's value otherwise (S1)
     */
    public void add(long ts, Clock clock, long gap, AmountType gapType)
    {
        parameters(clock, gap, gapType);
        if (size > 0 && folded == size) {
            int last = size - 1;
            if (ts >= ends[last]) {
                if (separated(ends[last], ts)) {
                    append(ts, ts);
                    folded = size;
                }
                else {
                    ends[last] = ts;
                }
                return;
            }
            if (ts >= starts[last]) {
                return;
            }
        }
        append(ts, ts);
        if (size == 1) {
            folded = 1;
        }
        else if (size - folded > folded + SLACK) {
            fold();
        }
    }

    public void merge(SessionCountAccumulator other)
    {
        if (!other.seen) {
            return;
        }
        if (!seen) {
            seen = true;
            clock = other.clock;
            gapType = other.gapType;
            rawGap = other.rawGap;
            gap = other.gap;
        }
        else {
            if (other.clock != clock) {
                throw new IllegalArgumentException(FUNCTION + ": cannot combine a " + clock + " group with a " + other.clock + " one");
            }
            if (other.gap != gap) {
                throw TimeAmounts.amountNotConstant(FUNCTION, "gap", gap, other.gap, clock);
            }
        }
        boolean inOrder = size == 0 && other.folded == other.size;
        for (int i = 0; i < other.size; i++) {
            append(other.starts[i], other.ends[i]);
        }
        if (inOrder) {
            folded = size;
        }
        else if (size - folded > folded + SLACK) {
            fold();
        }
    }

    /** The number of sessions, or null when the group had no row. */
    @Override
    public Long result()
    {
        if (!seen) {
            return null;
        }
        if (folded != size) {
            fold();
        }
        return (long) size;
    }

    public long retainedBytes()
    {
        return INSTANCE_SIZE + Sizes.of(starts) + Sizes.of(ends);
    }

    /** Boxed: ts (Instant or Long), gap (Duration or Long). */
    @Override
    public void add(Object... arguments)
    {
        long ts = arguments[0] instanceof Instant instant ? EventTimes.micros(instant) : ((Number) arguments[0]).longValue();
        Clock clock = arguments[0] instanceof Instant ? Clock.TIMESTAMP : Clock.BIGINT;
        long gap = arguments[1] instanceof Duration duration ? duration.toMillis() : ((Number) arguments[1]).longValue();
        add(ts, clock, gap, arguments[1] instanceof Duration ? AmountType.INTERVAL : AmountType.BIGINT);
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((SessionCountAccumulator) other);
    }

    /**
     * Version 1: version, seen (0/1), clock, gap type, the gap as given and in clock units, the
     * sessions folded (count, then every start, then every end).
     */
    public byte[] serialize()
    {
        if (folded != size) {
            fold();
        }
        SerialWriter out = new SerialWriter()
                .putByte(VERSION)
                .putByte(seen ? 1 : 0)
                .putByte(clock.ordinal())
                .putByte(gapType.ordinal())
                .putLong(rawGap)
                .putLong(gap)
                .putInt(size);
        for (int i = 0; i < size; i++) {
            out.putLong(starts[i]);
        }
        for (int i = 0; i < size; i++) {
            out.putLong(ends[i]);
        }
        return out.toByteArray();
    }

    public static SessionCountAccumulator deserialize(byte[] serialized)
    {
        SerialReader in = SerialReader.open(serialized, FUNCTION, VERSION);
        SessionCountAccumulator state = new SessionCountAccumulator();
        state.seen = in.getByte() != 0;
        state.clock = Clock.of(in.getByte(), FUNCTION);
        state.gapType = AmountType.of(in.getByte(), FUNCTION);
        state.rawGap = in.getLong();
        state.gap = in.getLong();
        int size = in.getCount(16);
        state.starts = new long[Math.max(size, 4)];
        state.ends = new long[Math.max(size, 4)];
        for (int i = 0; i < size; i++) {
            state.starts[i] = in.getLong();
        }
        for (int i = 0; i < size; i++) {
            state.ends[i] = in.getLong();
        }
        state.size = size;
        in.expectEnd();
        // read back unverified: fold once, which also puts a malformed list in order
        state.folded = 0;
        if (size > 0) {
            state.fold();
        }
        return state;
    }

    private void parameters(Clock clock, long gap, AmountType gapType)
    {
        if (!seen) {
            this.gap = TimeAmounts.inClockUnits(FUNCTION, "gap", gap, gapType, clock);
            this.clock = clock;
            this.gapType = gapType;
            this.rawGap = gap;
            seen = true;
            return;
        }
        if (clock != this.clock) {
            throw new IllegalArgumentException(FUNCTION + ": cannot combine a " + this.clock + " group with a " + clock + " one");
        }
        if (gap != rawGap || gapType != this.gapType) {
            long converted = TimeAmounts.inClockUnits(FUNCTION, "gap", gap, gapType, clock);
            if (converted != this.gap) {
                throw TimeAmounts.amountNotConstant(FUNCTION, "gap", this.gap, converted, clock);
            }
        }
    }

    /** Whether an event at {@code later} starts a new session after one that ended at {@code earlier}. */
    private boolean separated(long earlier, long later)
    {
        return later > earlier && !TimeAmounts.withinAmount(earlier, later, gap);
    }

    private void append(long start, long end)
    {
        if (size == starts.length) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, starts.length * 2L);
            if (capacity <= size) {
                throw new OutOfMemoryError("a session list cannot hold " + (size + 1L) + " intervals");
            }
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** Sorts and joins the intervals: afterwards they are the sessions so far, in order. */
    private void fold()
    {
        Arrays.sort(starts, 0, size);
        Arrays.sort(ends, 0, size);
        int sessions = 0;
        long start = starts[0];
        for (int i = 1; i < size; i++) {
            // the (i − 1)-th smallest end is the last event before start i exactly when a session ends there
            if (separated(ends[i - 1], starts[i])) {
                long end = ends[i - 1];
                starts[sessions] = start;
                ends[sessions] = end;
                sessions++;
                start = starts[i];
            }
        }
        long end = ends[size - 1];
        starts[sessions] = start;
        ends[sessions] = end;
        size = sessions + 1;
        folded = size;
    }
}

package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.distinct.SerialReader;
import dev.kpisql.udfs.distinct.SerialWriter;
import dev.kpisql.udfs.distinct.Sizes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code window_funnel(window, ts, steps[, mode])}: the furthest step of an ordered funnel reached
 * within {@code window} of a step-1 event, by ClickHouse's algorithm ({@link Funnel}).
 *
 * <p>The state is the group's rows as (ts, step bits) in an {@link EventLog} — a row with no true
 * step is kept only with {@code strict_order}, where it can stop the scan — and the group's
 * constants: the clock, the window, the number of steps and the mode, each checked against every
 * row and every merged state (S2, S3). The rows are sorted and scanned when the answer is asked
 * for, so it does not depend on arrival order or splitting. A group whose rows were all skipped
 * answers NULL; a group with rows but no step-1 event answers 0. Not thread-safe.
 */
public final class WindowFunnelAccumulator
        implements KpiAccumulator
{
    public static final byte VERSION = 1;
    public static final String FUNCTION = "window_funnel";

    private static final long INSTANCE_SIZE = Sizes.instance(10);
    private static final byte[] NO_MODE = new byte[0];

    private boolean seen;
    private Clock clock = Clock.TIMESTAMP;
    private AmountType windowType = AmountType.BIGINT;
    private long rawWindow;
    private long window;
    private int steps;
    private byte[] mode = NO_MODE;
    private int modes;
    private EventLog rows = new EventLog();

    /**
     * One row of the overload without a mode.
     *
     * @param window milliseconds for an INTERVAL, the BIGINT's value otherwise (S1)
     * @param ts microseconds for a TIMESTAMP, the clock's value for a BIGINT
     * @param stepBits bit {@code i} set when step {@code i + 1} is true ({@link Conditions#mask})
     * @param stepCount the length of the steps array
     */
    public void add(long window, AmountType windowType, long ts, Clock clock, int stepBits, int stepCount)
    {
        if (!seen) {
            mode(NO_MODE, 0, 0);
        }
        addRow(window, windowType, ts, clock, stepBits, stepCount);
    }

    /** One row of the overload with a mode, given as UTF-8 bytes. */
    public void add(long window, AmountType windowType, long ts, Clock clock, int stepBits, int stepCount, byte[] mode, int offset, int length)
    {
        mode(mode, offset, length);
        addRow(window, windowType, ts, clock, stepBits, stepCount);
    }

    public void add(long window, AmountType windowType, long ts, Clock clock, int stepBits, int stepCount, String mode)
    {
        byte[] bytes = mode.getBytes(StandardCharsets.UTF_8);
        add(window, windowType, ts, clock, stepBits, stepCount, bytes, 0, bytes.length);
    }

    private void mode(byte[] text, int offset, int length)
    {
        if (seen) {
            if (!Arrays.equals(mode, 0, mode.length, text, offset, offset + length)) {
                throw TimeAmounts.notConstant(FUNCTION, "mode", "'" + new String(mode, StandardCharsets.UTF_8) + "'",
                        "'" + new String(text, offset, length, StandardCharsets.UTF_8) + "'");
            }
            return;
        }
        byte[] copy = Arrays.copyOfRange(text, offset, offset + length);
        modes = FunnelMode.parse(FUNCTION, new String(copy, StandardCharsets.UTF_8));
        mode = copy;
    }

    private void addRow(long window, AmountType windowType, long ts, Clock clock, int stepBits, int stepCount)
    {
        Conditions.checkLength(FUNCTION, "steps", stepCount);
        if (!seen) {
            this.clock = clock;
            this.windowType = windowType;
            this.window = TimeAmounts.inClockUnits(FUNCTION, "window", window, windowType, clock);
            this.rawWindow = window;
            this.steps = stepCount;
            seen = true;
        }
        else {
            sameClock(clock);
            if (window != rawWindow || windowType != this.windowType) {
                long converted = TimeAmounts.inClockUnits(FUNCTION, "window", window, windowType, clock);
                if (converted != this.window) {
                    throw TimeAmounts.amountNotConstant(FUNCTION, "window", this.window, converted, clock);
                }
            }
            Conditions.sameLength(FUNCTION, "steps", steps, stepCount);
        }
        if (stepBits != 0 || (modes & FunnelMode.STRICT_ORDER) != 0) {
            rows.add(ts, stepBits);
        }
    }

    public void merge(WindowFunnelAccumulator other)
    {
        if (!other.seen) {
            return;
        }
        if (!seen) {
            seen = true;
            clock = other.clock;
            windowType = other.windowType;
            rawWindow = other.rawWindow;
            window = other.window;
            steps = other.steps;
            mode = other.mode;
            modes = other.modes;
            rows.addAll(other.rows);
            return;
        }
        sameClock(other.clock);
        if (other.window != window) {
            throw TimeAmounts.amountNotConstant(FUNCTION, "window", window, other.window, clock);
        }
        Conditions.sameLength(FUNCTION, "steps", steps, other.steps);
        if (!Arrays.equals(mode, other.mode)) {
            throw TimeAmounts.notConstant(FUNCTION, "mode", "'" + new String(mode, StandardCharsets.UTF_8) + "'", "'" + new String(other.mode, StandardCharsets.UTF_8) + "'");
        }
        rows.addAll(other.rows);
    }

    /** The furthest step reached, 0 … steps, or null when the group had no row. */
    @Override
    public Long result()
    {
        if (!seen) {
            return null;
        }
        rows.sort();
        return (long) Funnel.level(FUNCTION, rows, steps, window, modes);
    }

    /** Heap bytes held, for an engine's memory accounting. */
    public long retainedBytes()
    {
        return INSTANCE_SIZE + Sizes.of(mode) + rows.retainedBytes();
    }

    /** Boxed: window (Duration or Long), ts (Instant or Long), steps (List of Boolean)[, mode (String)]. */
    @Override
    public void add(Object... arguments)
    {
        List<?> flags = (List<?>) arguments[2];
        long window = arguments[0] instanceof Duration duration ? duration.toMillis() : ((Number) arguments[0]).longValue();
        AmountType windowType = arguments[0] instanceof Duration ? AmountType.INTERVAL : AmountType.BIGINT;
        long ts = arguments[1] instanceof Instant instant ? EventTimes.micros(instant) : ((Number) arguments[1]).longValue();
        Clock clock = arguments[1] instanceof Instant ? Clock.TIMESTAMP : Clock.BIGINT;
        if (arguments.length > 3) {
            add(window, windowType, ts, clock, Conditions.mask(flags), flags.size(), (String) arguments[3]);
        }
        else {
            add(window, windowType, ts, clock, Conditions.mask(flags), flags.size());
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((WindowFunnelAccumulator) other);
    }

    /**
     * Version 1: version, seen (0/1), clock, window type, the window as given and in clock units,
     * the number of steps, the mode's UTF-8 bytes (length first), the rows sorted (count, then
     * ts and step bits of each).
     */
    public byte[] serialize()
    {
        SerialWriter out = new SerialWriter()
                .putByte(VERSION)
                .putByte(seen ? 1 : 0)
                .putByte(clock.ordinal())
                .putByte(windowType.ordinal())
                .putLong(rawWindow)
                .putLong(window)
                .putByte(steps)
                .putInt(mode.length)
                .putBytes(mode, 0, mode.length);
        rows.write(out);
        return out.toByteArray();
    }

    public static WindowFunnelAccumulator deserialize(byte[] serialized)
    {
        SerialReader in = SerialReader.open(serialized, FUNCTION, VERSION);
        WindowFunnelAccumulator state = new WindowFunnelAccumulator();
        state.seen = in.getByte() != 0;
        state.clock = Clock.of(in.getByte(), FUNCTION);
        state.windowType = AmountType.of(in.getByte(), FUNCTION);
        state.rawWindow = in.getLong();
        state.window = in.getLong();
        state.steps = in.getByte();
        state.mode = in.getBytes(in.getCount(1));
        state.modes = state.seen ? FunnelMode.parse(FUNCTION, new String(state.mode, StandardCharsets.UTF_8)) : 0;
        state.rows = EventLog.read(in);
        in.expectEnd();
        return state;
    }

    private void sameClock(Clock other)
    {
        if (other != clock) {
            throw new IllegalArgumentException(FUNCTION + ": cannot combine a " + clock + " group with a " + other + " one");
        }
    }
}

package dev.kpisql.udfs.distinct;

import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Sums;
import dev.kpisql.udfs.Values;

import java.nio.charset.StandardCharsets;

/**
 * {@code approx_dau_mau(user_id, activity_date)}: DAU/MAU from two {@link HyperLogLog} sketches —
 * one of users, one of (user, day) pairs — and the exact first and last day, so memory stays
 * bounded however many users a group has, and sketches merge losslessly in any order.
 *
 * <p>Error: with 2^{@value #PRECISION} registers each count has a relative standard error of
 * about 1.04 / 256 ≈ 0.41 % (Flajolet et al. 2007; Ertl's estimator keeps it over the whole
 * range), so the ratio of the two counts is within about ±0.6 % at one standard deviation and
 * within 2 % at over three. The sketches count exactly up to 4,096 distinct values.
 *
 * <p>Apache DataSketches was the first choice; its 6.x line refuses to start on Java 25 (the
 * Trino runtime) and its Java 25 line cannot run on Java 17, so the sketch is the core's own.
 * Not thread-safe.
 */
public final class ApproxDauMauAccumulator
        implements KpiAccumulator
{
    public static final String FUNCTION = "approx_dau_mau";
    public static final int PRECISION = 16;
    public static final byte VERSION = 1;

    private HyperLogLog users = new HyperLogLog(PRECISION);
    private HyperLogLog pairs = new HyperLogLog(PRECISION);
    private long rows;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;

    /** @param day the activity date as days since 1970-01-01 */
    public void add(long user, int day)
    {
        addHash(Hashes.mix64(user), day);
    }

    public void add(byte[] user, int offset, int length, int day)
    {
        addHash(Hashes.hash64(user, offset, length), day);
    }

    public void merge(ApproxDauMauAccumulator other)
    {
        rows = Counts.add(FUNCTION, "rows", rows, other.rows);
        firstDay = Math.min(firstDay, other.firstDay);
        lastDay = Math.max(lastDay, other.lastDay);
        users.merge(other.users);
        pairs.merge(other.pairs);
    }

    @Override
    public Double result()
    {
        if (rows == 0) {
            return null;
        }
        double distinctUsers = Math.max(1, Math.round(users.estimate()));
        // a pair count below the user count is impossible; clamp the sketches' noise
        double distinctPairs = Math.max(distinctUsers, Math.round(pairs.estimate()));
        return Sums.ratio(FUNCTION, distinctPairs, ((double) lastDay - firstDay + 1) * distinctUsers, 100);
    }

    /** Heap bytes held, for an engine's memory accounting. */
    public long retainedBytes()
    {
        return Sizes.instance(5) + users.retainedBytes() + pairs.retainedBytes();
    }

    @Override
    public void add(Object... arguments)
    {
        int day = Math.toIntExact(Values.asLong(arguments[1]));
        if (Values.isIntegral(arguments[0])) {
            add(Values.asLong(arguments[0]), day);
        }
        else {
            byte[] user = arguments[0].toString().getBytes(StandardCharsets.UTF_8);
            add(user, 0, user.length, day);
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((ApproxDauMauAccumulator) other);
    }

    /** Version, rows, first and last day, then both sketches. */
    public byte[] serialize()
    {
        SerialWriter out = new SerialWriter().putByte(VERSION).putLong(rows).putInt(firstDay).putInt(lastDay);
        users.write(out);
        pairs.write(out);
        return out.toByteArray();
    }

    public static ApproxDauMauAccumulator deserialize(byte[] serialized)
    {
        SerialReader in = SerialReader.open(serialized, "approx_dau_mau", VERSION);
        ApproxDauMauAccumulator state = new ApproxDauMauAccumulator();
        state.rows = in.getLong();
        state.firstDay = in.getInt();
        state.lastDay = in.getInt();
        state.users = HyperLogLog.read(in);
        state.pairs = HyperLogLog.read(in);
        in.expectEnd();
        return state;
    }

    private void addHash(long userHash, int day)
    {
        users.add(userHash);
        // the pair's hash mixes the user's hash with the day, spread by the golden ratio
        pairs.add(Hashes.mix64(userHash + Hashes.GOLDEN * (day + 1L)));
        rows = Counts.increment(FUNCTION, "rows", rows);
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
    }
}

package dev.kpisql.udfs.distinct;

import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Sums;
import dev.kpisql.udfs.Values;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code approx_dau_mau(user_id, activity_date)}: DAU/MAU from two HyperLogLog sketches — one of
 * users, one of (user, day) pairs — and the exact first and last day, so memory stays bounded
 * (at most 2 × 32 KiB) however many users a group has, and sketches merge losslessly.
 *
 * <p>Error: Apache DataSketches' HLL with lgK = {@value #LG_K} has a relative standard error of
 * about 1.04 / √2^16 ≈ 0.41 % per count (Flajolet et al. 2007; the DataSketches HLL
 * documentation), so the ratio of the two counts is within about ±0.6 % at one standard deviation
 * and within 2 % at over three. Below a few thousand distinct values the sketches count almost
 * exactly.
 */
public final class ApproxDauMauAccumulator
        implements KpiAccumulator
{
    public static final String FUNCTION = "approx_dau_mau";
    public static final int LG_K = 16;
    public static final byte VERSION = 1;

    private static final TgtHllType TYPE = TgtHllType.HLL_4;
    private static final int INSTANCE_SIZE = 48;

    private HllSketch users = new HllSketch(LG_K, TYPE);
    private HllSketch pairs = new HllSketch(LG_K, TYPE);
    private long rows;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;

    /** @param day the activity date as days since 1970-01-01 */
    public void add(long user, int day)
    {
        users.update(user);
        pairs.update(new long[] {user, day});
        countDay(day);
    }

    public void add(byte[] user, int offset, int length, int day)
    {
        byte[] id = Arrays.copyOfRange(user, offset, offset + length);
        users.update(id);
        pairs.update(ByteBuffer.allocate(length + 4).put(id).putInt(day).array());
        countDay(day);
    }

    public void merge(ApproxDauMauAccumulator other)
    {
        rows = Counts.add(FUNCTION, "rows", rows, other.rows);
        firstDay = Math.min(firstDay, other.firstDay);
        lastDay = Math.max(lastDay, other.lastDay);
        users = union(users, other.users);
        pairs = union(pairs, other.pairs);
    }

    @Override
    public Double result()
    {
        if (rows == 0) {
            return null;
        }
        double distinctUsers = Math.max(1, Math.round(users.getEstimate()));
        // a pair count below the user count is impossible; clamp the sketches' noise
        double distinctPairs = Math.max(distinctUsers, Math.round(pairs.getEstimate()));
        return Sums.ratio(FUNCTION, distinctPairs, ((double) lastDay - firstDay + 1) * distinctUsers, 100);
    }

    public long retainedBytes()
    {
        // the updatable sketches' heap size is bounded by their serialized size plus array headers
        return INSTANCE_SIZE + 2L * 64 + users.getUpdatableSerializationBytes() + pairs.getUpdatableSerializationBytes();
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

    public byte[] serialize()
    {
        byte[] userBytes = users.toCompactByteArray();
        byte[] pairBytes = pairs.toCompactByteArray();
        return ByteBuffer.allocate(1 + 8 + 4 + 4 + 4 + userBytes.length + 4 + pairBytes.length)
                .put(VERSION)
                .putLong(rows)
                .putInt(firstDay)
                .putInt(lastDay)
                .putInt(userBytes.length).put(userBytes)
                .putInt(pairBytes.length).put(pairBytes)
                .array();
    }

    public static ApproxDauMauAccumulator deserialize(byte[] serialized)
    {
        try {
            ByteBuffer in = ByteBuffer.wrap(serialized);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unsupported approx_dau_mau state version " + version + ", expected " + VERSION);
            }
            ApproxDauMauAccumulator state = new ApproxDauMauAccumulator();
            state.rows = in.getLong();
            state.firstDay = in.getInt();
            state.lastDay = in.getInt();
            state.users = sketch(in);
            state.pairs = sketch(in);
            return state;
        }
        catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("corrupt approx_dau_mau state: " + e, e);
        }
    }

    private static HllSketch sketch(ByteBuffer in)
    {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        // heapify gives an updatable on-heap copy that later merges can change
        return HllSketch.heapify(Memory.wrap(bytes));
    }

    private void countDay(int day)
    {
        rows = Counts.increment(FUNCTION, "rows", rows);
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
    }

    private static HllSketch union(HllSketch a, HllSketch b)
    {
        Union union = new Union(LG_K);
        union.update(a);
        union.update(b);
        return union.getResult(TYPE);
    }
}

package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.Values;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mutable, mergeable {@code srm_test(variant, expected_share)}: the rows and the planned share
 * of every variant. Variants are few, so they are found by a linear scan; beyond
 * {@value #SCAN} a hash index takes over. A variant's share must be the same in every row.
 * Not thread-safe.
 */
public final class SrmAccumulator
        implements KpiAccumulator
{
    private static final byte VERSION = 1;
    private static final byte NONE = 0;
    private static final byte BIGINT = 1;
    private static final byte BOOLEAN = 2;
    private static final byte VARCHAR = 3;
    private static final int SCAN = 16;

    private byte kind = NONE;
    private int size;
    private long[] keys = new long[4];
    private byte[][] texts = new byte[4][];
    private long[] rows = new long[4];
    private double[] shares = new double[4];
    private Map<Object, Integer> index;

    public void add(long variant, double share)
    {
        record(slot(BIGINT, variant, null, 0, 0), share);
    }

    public void add(boolean variant, double share)
    {
        record(slot(BOOLEAN, variant ? 1 : 0, null, 0, 0), share);
    }

    /** A row whose VARCHAR variant is given as UTF-8 bytes. */
    public void add(byte[] variant, int offset, int length, double share)
    {
        record(slot(VARCHAR, 0, variant, offset, length), share);
    }

    @Override
    public void add(Object... arguments)
    {
        Object variant = arguments[0];
        double share = Values.asDouble(arguments[1]);
        if (variant instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            add(bytes, 0, bytes.length, share);
        }
        else if (variant instanceof Boolean flag) {
            add(flag, share);
        }
        else {
            add(Values.asLong(variant), share);
        }
    }

    private void record(int slot, double share)
    {
        share(slot, SampleRatioTest.share(share));
        rows[slot] = Counts.increment(SampleRatioTest.SRM, "rows", rows[slot]);
    }

    private void share(int slot, double share)
    {
        if (shares[slot] == 0) {
            shares[slot] = share;
        }
        else if (shares[slot] != share) {
            throw KpiException.invalid(SampleRatioTest.SRM, "expected_share of variant " + shown(slot) + " must be constant, got "
                    + Check.format(Math.min(shares[slot], share)) + " and " + Check.format(Math.max(shares[slot], share)));
        }
    }

    public void merge(SrmAccumulator other)
    {
        for (int j = 0; j < other.size; j++) {
            int slot = slot(other.kind, other.keys[j], other.texts[j], 0, other.texts[j] == null ? 0 : other.texts[j].length);
            share(slot, other.shares[j]);
            rows[slot] = Counts.add(SampleRatioTest.SRM, "rows", rows[slot], other.rows[j]);
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((SrmAccumulator) other);
    }

    @Override
    public Map<String, Object> result()
    {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        order.sort(kind == VARCHAR
                ? Comparator.comparing(i -> new String(texts[i], StandardCharsets.UTF_8))
                : Comparator.comparingLong(i -> keys[i]));
        List<SampleRatioTest.Arm> arms = new ArrayList<>();
        for (int i : order) {
            arms.add(new SampleRatioTest.Arm(shown(i), rows[i], shares[i]));
        }
        return SampleRatioTest.result(arms);
    }

    /** Heap bytes held, for an engine's memory accounting. */
    public long retainedBytes()
    {
        long bytes = 16 + 8 * 8 + 4 * (16 + 8L * keys.length);
        for (int i = 0; i < size; i++) {
            bytes += texts[i] == null ? 0 : 16 + texts[i].length;
        }
        // a hash index entry with its boxed key and value
        return bytes + (index == null ? 0 : 48 + 80L * size);
    }

    /** Version 1, the variant type, then per variant its key, rows and share. */
    public byte[] serialize()
    {
        int bytes = 1 + 1 + 4;
        for (int i = 0; i < size; i++) {
            bytes += (kind == VARCHAR ? 4 + texts[i].length : 8) + 8 + 8;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.put(VERSION).put(kind).putInt(size);
        for (int i = 0; i < size; i++) {
            if (kind == VARCHAR) {
                out.putInt(texts[i].length).put(texts[i]);
            }
            else {
                out.putLong(keys[i]);
            }
            out.putLong(rows[i]).putDouble(shares[i]);
        }
        return out.array();
    }

    public static SrmAccumulator deserialize(byte[] bytes)
    {
        if (bytes == null || bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalArgumentException("serialized srm_test state has an unknown version");
        }
        SrmAccumulator accumulator = new SrmAccumulator();
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        try {
            byte kind = in.get();
            int count = in.getInt();
            if (kind < NONE || kind > VARCHAR || count < 0 || count > in.remaining() / 12) {
                throw new IllegalArgumentException("corrupt serialized srm_test state: type " + kind + ", " + count + " variants");
            }
            for (int i = 0; i < count; i++) {
                long key = 0;
                byte[] text = null;
                if (kind == VARCHAR) {
                    int length = in.getInt();
                    if (length < 0 || length > in.remaining()) {
                        throw new IllegalArgumentException("corrupt serialized srm_test state: a variant of " + length + " bytes");
                    }
                    text = new byte[length];
                    in.get(text);
                }
                else {
                    key = in.getLong();
                }
                int slot = accumulator.slot(kind, key, text, 0, text == null ? 0 : text.length);
                accumulator.rows[slot] = in.getLong();
                accumulator.shares[slot] = in.getDouble();
                if (accumulator.rows[slot] < 0 || !(accumulator.shares[slot] > 0 && accumulator.shares[slot] <= 1)) {
                    throw new IllegalArgumentException("corrupt serialized srm_test state: variant " + accumulator.shown(slot));
                }
            }
        }
        catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt serialized srm_test state: truncated", e);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("corrupt serialized srm_test state: " + in.remaining() + " trailing bytes");
        }
        return accumulator;
    }

    /** The slot of a variant, a new one for a value not seen yet. */
    private int slot(byte wanted, long key, byte[] text, int offset, int length)
    {
        if (kind == NONE) {
            kind = wanted;
        }
        else if (kind != wanted) {
            throw new IllegalStateException("srm_test: one group mixes variant types " + kind + " and " + wanted);
        }
        if (index != null) {
            Integer found = index.get(indexKey(key, text, offset, length));
            if (found != null) {
                return found;
            }
        }
        else {
            for (int i = 0; i < size; i++) {
                if (wanted == VARCHAR ? Variants.same(texts[i], text, offset, length) : keys[i] == key) {
                    return i;
                }
            }
        }
        if (size == keys.length) {
            int capacity = size * 2;
            keys = Arrays.copyOf(keys, capacity);
            texts = Arrays.copyOf(texts, capacity);
            rows = Arrays.copyOf(rows, capacity);
            shares = Arrays.copyOf(shares, capacity);
        }
        keys[size] = key;
        texts[size] = wanted == VARCHAR ? Arrays.copyOfRange(text, offset, offset + length) : null;
        if (index != null) {
            index.put(indexKey(key, texts[size], 0, length), size);
        }
        else if (size + 1 > SCAN) {
            index = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(indexKey(keys[i], texts[i], 0, texts[i] == null ? 0 : texts[i].length), i);
            }
        }
        return size++;
    }

    private Object indexKey(long key, byte[] text, int offset, int length)
    {
        return kind == VARCHAR ? new String(text, offset, length, StandardCharsets.UTF_8) : (Object) key;
    }

    private String shown(int slot)
    {
        return switch (kind) {
            case VARCHAR -> "'" + new String(texts[slot], StandardCharsets.UTF_8).replace("'", "''") + "'";
            case BOOLEAN -> keys[slot] == 1 ? "true" : "false";
            default -> Long.toString(keys[slot]);
        };
    }
}

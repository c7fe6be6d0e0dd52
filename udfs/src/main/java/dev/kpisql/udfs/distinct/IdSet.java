package dev.kpisql.udfs.distinct;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact, exact set of ids — BIGINT or VARCHAR, one kind per set — that numbers its
 * members 0, 1, 2 … in insertion order. Ordinals keep composite keys small: a (user, day) pair
 * is one long made of the user's ordinal and the day.
 *
 * <p>Storage is primitive arrays only: the keys in insertion order (a {@code long[]}, or UTF-8
 * bytes in one {@code byte[]} arena with an {@code int[]} of offsets) and an open-addressing
 * table of {@code int} ordinals with linear probing, at most half full. No boxing, so
 * {@link #retainedBytes} can account for every byte.
 */
public final class IdSet
{
    public static final byte EMPTY = 0;
    public static final byte LONGS = 1;
    public static final byte STRINGS = 2;

    private static final int INSTANCE_SIZE = 64;
    private static final int ARRAY_HEADER = 16;

    private byte kind = EMPTY;
    private int size;
    private int[] table = new int[0]; // ordinal + 1, 0 = free slot
    private long[] longs = new long[0];
    private byte[] arena = new byte[0];
    private int arenaSize;
    private int[] offsets = new int[1]; // offsets[i]..offsets[i + 1] are the bytes of ordinal i

    public int size()
    {
        return size;
    }

    public byte kind()
    {
        return kind;
    }

    /** The ordinal of {@code id}, added if new. */
    public int add(long id)
    {
        setKind(LONGS);
        ensureTable();
        int mask = table.length - 1;
        int slot = (int) hash(id) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                if (size == longs.length) {
                    longs = Arrays.copyOf(longs, Math.max(8, size * 2));
                }
                longs[size] = id;
                table[slot] = ++size;
                return size - 1;
            }
            if (longs[entry - 1] == id) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The ordinal of the UTF-8 id {@code bytes[offset .. offset + length)}, added if new. */
    public int add(byte[] bytes, int offset, int length)
    {
        setKind(STRINGS);
        ensureTable();
        int mask = table.length - 1;
        int slot = (int) hash(bytes, offset, length) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                if (arenaSize + length > arena.length) {
                    arena = Arrays.copyOf(arena, Math.max(arenaSize + length, Math.max(64, arena.length * 2)));
                }
                System.arraycopy(bytes, offset, arena, arenaSize, length);
                arenaSize += length;
                if (size + 1 == offsets.length) {
                    offsets = Arrays.copyOf(offsets, Math.max(8, offsets.length * 2));
                }
                offsets[size + 1] = arenaSize;
                table[slot] = ++size;
                return size - 1;
            }
            int start = offsets[entry - 1];
            int end = offsets[entry];
            if (Arrays.equals(arena, start, end, bytes, offset, offset + length)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int add(String id)
    {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        return add(bytes, 0, bytes.length);
    }

    /** Adds the member of {@code other} with the given ordinal; returns its ordinal here. */
    public int addFrom(IdSet other, int ordinal)
    {
        if (other.kind == LONGS) {
            return add(other.longs[ordinal]);
        }
        int start = other.offsets[ordinal];
        return add(other.arena, start, other.offsets[ordinal + 1] - start);
    }

    /** Adds every member of {@code other}. */
    public void addAll(IdSet other)
    {
        for (int i = 0; i < other.size; i++) {
            addFrom(other, i);
        }
    }

    /** The long id of an ordinal, for sets of BIGINT ids. */
    public long longAt(int ordinal)
    {
        return longs[ordinal];
    }

    public long retainedBytes()
    {
        return INSTANCE_SIZE
                + ARRAY_HEADER + 4L * table.length
                + ARRAY_HEADER + 8L * longs.length
                + ARRAY_HEADER + arena.length
                + ARRAY_HEADER + 4L * offsets.length;
    }

    void writeTo(DataOutput out)
            throws IOException
    {
        out.writeByte(kind);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            if (kind == LONGS) {
                out.writeLong(longs[i]);
            }
            else {
                int start = offsets[i];
                out.writeInt(offsets[i + 1] - start);
                out.write(arena, start, offsets[i + 1] - start);
            }
        }
    }

    static IdSet readFrom(DataInput in)
            throws IOException
    {
        IdSet set = new IdSet();
        byte kind = in.readByte();
        int size = in.readInt();
        if (kind != EMPTY && kind != LONGS && kind != STRINGS || size < 0 || kind == EMPTY && size != 0) {
            throw new IllegalArgumentException("corrupt id set: kind " + kind + ", size " + size);
        }
        for (int i = 0; i < size; i++) {
            if (kind == LONGS) {
                set.add(in.readLong());
            }
            else {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                set.add(bytes, 0, bytes.length);
            }
        }
        return set;
    }

    private void setKind(byte wanted)
    {
        if (kind != wanted) {
            if (kind != EMPTY) {
                throw new IllegalStateException("ids of one group must all be BIGINT or all VARCHAR");
            }
            kind = wanted;
        }
    }

    private void ensureTable()
    {
        if (2 * (size + 1) <= table.length) {
            return;
        }
        int[] bigger = new int[Math.max(16, table.length * 2)];
        int mask = bigger.length - 1;
        for (int ordinal = 0; ordinal < size; ordinal++) {
            long h = kind == LONGS ? hash(longs[ordinal]) : hash(arena, offsets[ordinal], offsets[ordinal + 1] - offsets[ordinal]);
            int slot = (int) h & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = ordinal + 1;
        }
        table = bigger;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    static long hash(long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long hash(byte[] bytes, int offset, int length)
    {
        long h = 0xcbf29ce484222325L ^ length;
        for (int i = offset; i < offset + length; i++) {
            h = (h ^ bytes[i]) * 0x100000001b3L;
        }
        return hash(h);
    }
}

package dev.kpisql.udfs.distinct;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact, exact set of ids — BIGINT or VARCHAR, one kind per set — that numbers its
 * members 0, 1, 2 … in insertion order. Ordinals keep composite keys small: a (user, day) pair
 * is one long made of the user's ordinal and the day.
 *
 * <p>Storage is primitive arrays only: the keys in insertion order (a {@code long[]}, or UTF-8
 * bytes in one {@code byte[]} arena with an {@code int[]} of offsets) and an open-addressing
 * table with linear probing, at most half full, of {@code int} ordinals with each slot's 64-bit
 * hash beside it in a {@code long[]}. A probe reads the two arrays at the same index, so both
 * loads go out at once; for BIGINT ids the hash is a bijection ({@link Hashes#mix64}), so equal
 * hashes are equal ids and a lookup never touches the keys: one memory round trip per probe
 * instead of two dependent ones, which is what a set larger than the CPU caches pays for. The
 * price is memory: about 32 bytes per BIGINT id instead of 16. For VARCHAR ids the hash screens
 * out the other keys before their bytes are compared. No boxing, so {@link #retainedBytes} can
 * account for every byte.
 *
 * <p>Moving a set between engine stages is cheap on purpose: {@link #read} builds the table once,
 * at its final size, and {@link #addAll} into an empty set copies the arrays instead of
 * inserting member by member.
 */
public final class IdSet
{
    public static final byte EMPTY = 0;
    public static final byte LONGS = 1;
    public static final byte STRINGS = 2;

    /** The table never grows beyond 2^30 slots, so a set holds at most 2^29 ids. */
    static final int MAX_SIZE = 1 << 29;

    private byte kind = EMPTY;
    private int size;
    private int[] table = new int[0]; // ordinal + 1, 0 = free slot
    private long[] hashes = new long[0]; // the hash of the key in the same slot of the table
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
        long hash = Hashes.mix64(id);
        int mask = table.length - 1;
        int slot = (int) hash & mask;
        while (true) {
            int entry = table[slot];
            long slotHash = hashes[slot];
            if (entry == 0) {
                if (size == longs.length) {
                    longs = Arrays.copyOf(longs, Math.max(8, size * 2));
                }
                longs[size] = id;
                hashes[slot] = hash;
                table[slot] = ++size;
                return size - 1;
            }
            if (slotHash == hash) {
                // mix64 is a bijection: the same hash is the same id
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
        long hash = Hashes.hash64(bytes, offset, length);
        int mask = table.length - 1;
        int slot = (int) hash & mask;
        while (true) {
            int entry = table[slot];
            long slotHash = hashes[slot];
            if (entry == 0) {
                appendBytes(bytes, offset, length);
                hashes[slot] = hash;
                table[slot] = ++size;
                return size - 1;
            }
            if (slotHash == hash && Arrays.equals(arena, offsets[entry - 1], offsets[entry], bytes, offset, offset + length)) {
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

    /**
     * Adds every member of {@code other}, in its order. Into an empty set this is a copy of
     * {@code other}'s arrays, so every member keeps its ordinal.
     */
    public void addAll(IdSet other)
    {
        if (size == 0 && other.size > 0) {
            setKind(other.kind);
            size = other.size;
            table = other.table.clone();
            hashes = other.hashes.clone();
            longs = other.longs.clone();
            arena = other.arena.clone();
            arenaSize = other.arenaSize;
            offsets = other.offsets.clone();
            return;
        }
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
        return Sizes.instance(8) + Sizes.of(table) + Sizes.of(hashes) + Sizes.of(longs) + Sizes.of(arena) + Sizes.of(offsets);
    }

    /** Kind, size, then each id in ordinal order: a BIGINT as 8 bytes, a VARCHAR as its length and UTF-8 bytes. */
    void write(SerialWriter out)
    {
        out.putByte(kind).putInt(size);
        for (int i = 0; i < size; i++) {
            if (kind == LONGS) {
                out.putLong(longs[i]);
            }
            else {
                int start = offsets[i];
                out.putInt(offsets[i + 1] - start).putBytes(arena, start, offsets[i + 1] - start);
            }
        }
    }

    /** Reads what {@link #write} wrote; the ids keep their ordinals. */
    static IdSet read(SerialReader in)
    {
        byte kind = in.getByte();
        if (kind != EMPTY && kind != LONGS && kind != STRINGS) {
            throw new IllegalArgumentException("corrupt id set: kind " + kind);
        }
        int size = in.getCount(kind == LONGS ? 8 : 4);
        if (kind == EMPTY && size != 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("corrupt id set: kind " + kind + ", size " + size);
        }
        IdSet set = new IdSet();
        set.kind = kind;
        if (kind == LONGS) {
            set.longs = new long[size];
            for (int i = 0; i < size; i++) {
                set.longs[i] = in.getLong();
            }
        }
        else if (kind == STRINGS) {
            set.offsets = new int[size + 1];
            for (int i = 0; i < size; i++) {
                byte[] bytes = in.getBytes(in.getInt());
                set.size = i;
                set.appendBytes(bytes, 0, bytes.length);
            }
        }
        set.size = size;
        set.index();
        return set;
    }

    /** The distinct BIGINT ids {@code ids[0 .. size)}, numbered in that order; a repeated id is corrupt input. */
    static IdSet ofDistinct(long[] ids, int size)
    {
        IdSet set = new IdSet();
        if (size > 0) {
            set.kind = LONGS;
            set.longs = ids;
            set.size = size;
            set.index();
        }
        return set;
    }

    private void appendBytes(byte[] bytes, int offset, int length)
    {
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaSize + length, Math.max(64, arena.length * 2)));
        }
        System.arraycopy(bytes, offset, arena, arenaSize, length);
        arenaSize += length;
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(8, offsets.length * 2));
        }
        offsets[size + 1] = arenaSize;
    }

    /** Builds the table for the {@code size} keys already stored, at its final size, checking that no key repeats. */
    private void index()
    {
        // the smallest power of two at least twice the size: at most half full, as add() keeps it
        int length = (int) Long.highestOneBit(Math.max(16, 2L * size) - 1) << 1;
        table = new int[length];
        hashes = new long[length];
        int mask = length - 1;
        for (int ordinal = 0; ordinal < size; ordinal++) {
            long hash = kind == LONGS ? Hashes.mix64(longs[ordinal]) : Hashes.hash64(arena, offsets[ordinal], offsets[ordinal + 1] - offsets[ordinal]);
            int slot = (int) hash & mask;
            while (table[slot] != 0) {
                if (hashes[slot] == hash && (kind == LONGS || sameBytes(table[slot] - 1, ordinal))) {
                    throw new IllegalArgumentException("corrupt id set: id " + ordinal + " repeats id " + (table[slot] - 1));
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = ordinal + 1;
            hashes[slot] = hash;
        }
    }

    private boolean sameBytes(int a, int b)
    {
        return Arrays.equals(arena, offsets[a], offsets[a + 1], arena, offsets[b], offsets[b + 1]);
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
        if (size == MAX_SIZE) {
            throw new IllegalStateException("a distinct set holds at most " + MAX_SIZE + " ids");
        }
        int[] bigger = new int[Math.max(16, table.length * 2)];
        long[] biggerHashes = new long[bigger.length];
        int mask = bigger.length - 1;
        for (int old = 0; old < table.length; old++) {
            if (table[old] == 0) {
                continue;
            }
            long h = hashes[old];
            int slot = (int) h & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = table[old];
            biggerHashes[slot] = h;
        }
        table = bigger;
        hashes = biggerHashes;
    }
}

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
 * table with linear probing, at most half full, whose slots are two longs: the key's 64-bit hash
 * and its ordinal. A probe reads one 16-byte slot, inside one cache line; for BIGINT ids the hash
 * is a bijection ({@link Hashes#mix64}), so equal hashes are equal ids and a lookup never touches
 * the keys. A set larger than the CPU caches pays one memory round trip per probe, not the two
 * dependent ones of a table of ordinals that sends every probe on to the keys; the price is
 * memory, 40 to 80 bytes per BIGINT id instead of 16 to 32. For VARCHAR ids the hash screens out
 * the other keys before their bytes are compared. No boxing, so {@link #retainedBytes} can
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

    /** The table never grows beyond 2^29 slots (an array of 2^30 longs), so a set holds at most 2^28 ids. */
    static final int MAX_SIZE = 1 << 28;

    private byte kind = EMPTY;
    private int size;
    // two longs per slot: [2s] the key's 64-bit hash, [2s + 1] its ordinal + 1 (0: a free slot)
    private long[] table = new long[0];
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
        int mask = table.length - 2;
        int slot = ((int) hash << 1) & mask;
        while (true) {
            long slotHash = table[slot];
            int entry = (int) table[slot + 1];
            if (entry == 0) {
                if (size == longs.length) {
                    longs = Arrays.copyOf(longs, Math.max(8, size * 2));
                }
                longs[size] = id;
                table[slot] = hash;
                table[slot + 1] = ++size;
                return size - 1;
            }
            if (slotHash == hash) {
                // mix64 is a bijection: the same hash is the same id
                return entry - 1;
            }
            slot = (slot + 2) & mask;
        }
    }

    /** The ordinal of the UTF-8 id {@code bytes[offset .. offset + length)}, added if new. */
    public int add(byte[] bytes, int offset, int length)
    {
        setKind(STRINGS);
        ensureTable();
        long hash = Hashes.hash64(bytes, offset, length);
        int mask = table.length - 2;
        int slot = ((int) hash << 1) & mask;
        while (true) {
            long slotHash = table[slot];
            int entry = (int) table[slot + 1];
            if (entry == 0) {
                appendBytes(bytes, offset, length);
                table[slot] = hash;
                table[slot + 1] = ++size;
                return size - 1;
            }
            if (slotHash == hash && Arrays.equals(arena, offsets[entry - 1], offsets[entry], bytes, offset, offset + length)) {
                return entry - 1;
            }
            slot = (slot + 2) & mask;
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
        return Sizes.instance(8) + Sizes.of(table) + Sizes.of(longs) + Sizes.of(arena) + Sizes.of(offsets);
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
        int slots = (int) Long.highestOneBit(Math.max(16, 2L * size) - 1) << 1;
        table = new long[2 * slots];
        int mask = table.length - 2;
        for (int ordinal = 0; ordinal < size; ordinal++) {
            long hash = kind == LONGS ? Hashes.mix64(longs[ordinal]) : Hashes.hash64(arena, offsets[ordinal], offsets[ordinal + 1] - offsets[ordinal]);
            int slot = ((int) hash << 1) & mask;
            while (table[slot + 1] != 0) {
                int other = (int) table[slot + 1] - 1;
                if (table[slot] == hash && (kind == LONGS || sameBytes(other, ordinal))) {
                    throw new IllegalArgumentException("corrupt id set: id " + ordinal + " repeats id " + other);
                }
                slot = (slot + 2) & mask;
            }
            table[slot] = hash;
            table[slot + 1] = ordinal + 1;
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

    /** Keeps the table at most half full: room for one more id means {@code table.length / 2} slots ≥ 2 × (size + 1). */
    private void ensureTable()
    {
        if (4L * (size + 1) <= table.length) {
            return;
        }
        if (size == MAX_SIZE) {
            throw new IllegalStateException("a distinct set holds at most " + MAX_SIZE + " ids");
        }
        long[] bigger = new long[Math.max(32, table.length * 2)];
        int mask = bigger.length - 2;
        for (int old = 0; old < table.length; old += 2) {
            if (table[old + 1] == 0) {
                continue;
            }
            long hash = table[old];
            int slot = ((int) hash << 1) & mask;
            while (bigger[slot + 1] != 0) {
                slot = (slot + 2) & mask;
            }
            bigger[slot] = hash;
            bigger[slot + 1] = table[old + 1];
        }
        table = bigger;
    }
}

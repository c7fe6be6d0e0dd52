package dev.kpisql.udfs.distinct;

import java.util.Arrays;

/**
 * A set of longs that numbers its keys in insertion order: the first key added has ordinal 0,
 * the next new one 1, and so on. Keys live in one {@code long[]} indexed by ordinal; an
 * open-addressing table of {@code int}s (ordinal + 1, 0 for an empty slot, linear probing, load
 * at most 1/2) finds them. About 16 to 24 bytes per key and no object per key, unlike
 * {@code HashSet<Long>}. Every long, 0 included, is a valid key. Not thread-safe.
 */
final class LongSet
{
    /** The table never grows beyond 2^30 slots, so a set holds at most 2^29 keys. */
    static final int MAX_SIZE = 1 << 29;

    private long[] keys;
    private int[] table;
    private int size;

    LongSet()
    {
        this(4);
    }

    LongSet(int expectedSize)
    {
        int capacity = Math.max(4, expectedSize);
        keys = new long[capacity];
        table = new int[tableSizeFor(capacity)];
    }

    int size()
    {
        return size;
    }

    /** The key numbered {@code ordinal}, 0 ≤ ordinal < size. */
    long key(int ordinal)
    {
        if (ordinal >= size) {
            throw new IndexOutOfBoundsException(ordinal);
        }
        return keys[ordinal];
    }

    /** Adds the key if absent; true when it was new. */
    boolean add(long key)
    {
        int before = size;
        addOrdinal(key);
        return size > before;
    }

    /** The key's ordinal, after adding it if absent. */
    int addOrdinal(long key)
    {
        int mask = table.length - 1;
        int slot = slot(key, mask);
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                break;
            }
            if (keys[entry - 1] == key) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_SIZE) {
            throw new IllegalStateException("a distinct set holds at most " + MAX_SIZE + " values");
        }
        int ordinal = size++;
        if (ordinal == keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(MAX_SIZE, (long) keys.length * 2));
        }
        keys[ordinal] = key;
        table[slot] = ordinal + 1;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
        return ordinal;
    }

    /** The key's ordinal, or −1 when absent. */
    int ordinal(long key)
    {
        int mask = table.length - 1;
        for (int slot = slot(key, mask); table[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[table[slot] - 1] == key) {
                return table[slot] - 1;
            }
        }
        return -1;
    }

    boolean contains(long key)
    {
        return ordinal(key) >= 0;
    }

    long retainedBytes()
    {
        return Sizes.instance(3) + Sizes.of(keys) + Sizes.of(table);
    }

    void write(SerialWriter out)
    {
        out.putInt(size);
        for (int i = 0; i < size; i++) {
            out.putLong(keys[i]);
        }
    }

    /** Reads what {@link #write} wrote; the keys keep their ordinals. */
    static LongSet read(SerialReader in)
    {
        int size = in.getCount(8);
        LongSet set = new LongSet(size);
        for (int i = 0; i < size; i++) {
            long key = in.getLong();
            if (set.addOrdinal(key) != i) {
                throw new IllegalArgumentException("corrupt serialized set: duplicate key " + key);
            }
        }
        return set;
    }

    private void rehash(int newLength)
    {
        int[] newTable = new int[newLength];
        int mask = newLength - 1;
        for (int ordinal = 0; ordinal < size; ordinal++) {
            int slot = slot(keys[ordinal], mask);
            while (newTable[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            newTable[slot] = ordinal + 1;
        }
        table = newTable;
    }

    private static int slot(long key, int mask)
    {
        return (int) Hashes.mix64(key) & mask;
    }

    private static int tableSizeFor(int keys)
    {
        int size = Integer.highestOneBit(Math.max(2, keys) - 1) << 2;
        return Math.max(8, size);
    }
}

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
 * <p>A slot's home is given by the <em>top</em> bits of the hash, so the table holds its entries
 * in hash order: growing it walks the old table in order and fills the new one in order, and a
 * batch of ids inserted in hash order ({@link #addAll}, the merge of engine states) walks the
 * table from start to end instead of jumping across it — one pass over memory, not one cache
 * miss per id, which is what makes merging big partial states cheap.
 *
 * <p>A set of at most {@value #SMALL} ids has no table: {@code table} holds the ids' hashes in
 * ordinal order, searched one after the other. That is 16 bytes per BIGINT id instead of 40 to
 * 80, and a lookup that reads one or two cache lines. Small sets are what an engine holds when it
 * aggregates many groups: Trino's partial aggregation hands its states on when they pass a memory
 * limit, so the less a small set takes, the more rows each partial state covers and the fewer
 * states the final aggregation reads and merges. The table comes with the id after the
 * {@value #SMALL}th.
 *
 * <p>Moving a set between engine stages is cheap on purpose: {@link #read} keeps the ids and
 * builds no table (a set that is only merged into another never needs one; the table, and the
 * check that no id repeats, come with the first lookup or {@link #size}), {@link #addAll} into an
 * empty set copies the arrays instead of inserting member by member, and into a set with members
 * first makes room for all of them, then inserts them in hash order.
 */
public final class IdSet
{
    public static final byte EMPTY = 0;
    public static final byte LONGS = 1;
    public static final byte STRINGS = 2;

    /** The table never grows beyond 2^29 slots (an array of 2^30 longs), so a set holds at most 2^28 ids. */
    static final int MAX_SIZE = 1 << 28;

    /** Up to this many ids a set keeps no table, only its ids' hashes in ordinal order. */
    static final int SMALL = 32;

    /** The hash's top bits that {@link #addAll} sorts a batch by: 1,024 runs, each a small part of the table. */
    private static final int BATCH_BITS = 10;

    /**
     * Below this many ids after a merge the table fits in the CPU caches, and {@link #addAllOrdinals}
     * inserts in ordinal order: sorting the batch by hash would cost more than the misses it saves
     * (with 10,000 groups it was most of the merge's time).
     */
    private static final int SORT_FROM = 1 << 15;

    // shared by every empty set: a set replaces an array before it writes to it
    private static final long[] NO_LONGS = new long[0];
    private static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_OFFSETS = new int[1];

    private byte kind = EMPTY;
    private int size;
    // small: [i] the hash of ordinal i; otherwise two longs per slot: [2s] the key's 64-bit hash,
    // [2s + 1] its ordinal + 1 (0: a free slot)
    private long[] table = NO_LONGS;
    // at most SMALL ids and no table yet (see the class comment)
    private boolean small = true;
    // a slot's home is (hash >>> shift): the top log2(slots) bits of the hash
    private int shift = 64;
    // false for a set read from its binary form until its table is built
    private boolean indexed = true;
    // the sum of the slots addBatch read ahead of its inserts (only kept so that the reads happen)
    private long touched;
    private long[] longs = NO_LONGS;
    private byte[] arena = NO_BYTES;
    private int arenaSize;
    private int[] offsets = NO_OFFSETS; // offsets[i]..offsets[i + 1] are the bytes of ordinal i

    /** The number of distinct ids; for a set read from its binary form, checked to have no repeats. */
    public int size()
    {
        ensureIndexed();
        return size;
    }

    /** The number of ids stored, unchecked: for walking the ids of a set that is only read. */
    int count()
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
        ensureIndexed();
        ensureTable();
        return insert(id, Hashes.mix64(id));
    }

    /** The ordinal of a BIGINT id whose hash is {@code hash}, added if new; the table has room. */
    private int insert(long id, long hash)
    {
        if (small) {
            return insertSmall(id, hash);
        }
        int mask = table.length - 2;
        int slot = home(hash);
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
        ensureIndexed();
        ensureTable();
        return insert(bytes, offset, length, Hashes.hash64(bytes, offset, length));
    }

    /** The ordinal of a UTF-8 id whose hash is {@code hash}, added if new; the table has room. */
    private int insert(byte[] bytes, int offset, int length, long hash)
    {
        if (small) {
            return insertSmall(bytes, offset, length, hash);
        }
        int mask = table.length - 2;
        int slot = home(hash);
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

    /** {@link #insert(long, long)} in a small set, whose size is under {@link #SMALL}. */
    private int insertSmall(long id, long hash)
    {
        long[] hashes = table;
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash) {
                return i;
            }
        }
        appendHash(hash);
        if (size == longs.length) {
            longs = Arrays.copyOf(longs, Math.max(4, size * 2));
        }
        longs[size] = id;
        return size++;
    }

    /** {@link #insert(byte[], int, int, long)} in a small set, whose size is under {@link #SMALL}. */
    private int insertSmall(byte[] bytes, int offset, int length, long hash)
    {
        long[] hashes = table;
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && Arrays.equals(arena, offsets[i], offsets[i + 1], bytes, offset, offset + length)) {
                return i;
            }
        }
        appendHash(hash);
        appendBytes(bytes, offset, length);
        return size++;
    }

    private void appendHash(long hash)
    {
        if (size == table.length) {
            table = Arrays.copyOf(table, Math.max(4, Math.min(SMALL, size * 2)));
        }
        table[size] = hash;
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
     * Adds every member of {@code other}. Into an empty set this is a copy of {@code other}'s
     * arrays, so every member keeps its ordinal; otherwise see {@link #addAllOrdinals}.
     */
    public void addAll(IdSet other)
    {
        if (size == 0 && other.size > 0) {
            setKind(other.kind);
            size = other.size;
            table = other.table.clone();
            small = other.small;
            shift = other.shift;
            indexed = other.indexed;
            longs = other.longs.clone();
            arena = other.arena.clone();
            arenaSize = other.arenaSize;
            offsets = other.offsets.clone();
            return;
        }
        addAllOrdinals(other);
    }

    /**
     * Adds every member of {@code other} and returns, for each of its ordinals, the member's
     * ordinal here. The table first grows to hold both sets, then {@code other}'s ids go in
     * sorted by the top bits of their hashes — in the order of the table's slots — so the inserts
     * walk the table once from start to end. {@code other} needs no table of its own.
     */
    public int[] addAllOrdinals(IdSet other)
    {
        int[] ordinals = new int[other.size];
        if (other.size == 0) {
            return ordinals;
        }
        setKind(other.kind);
        ensureIndexed();
        reserve(size + other.size);
        if (small || (long) size + other.size < SORT_FROM) {
            for (int i = 0; i < other.size; i++) {
                ordinals[i] = insertFrom(other, i, other.hashAt(i));
            }
            return ordinals;
        }
        long[] hashes = new long[other.size];
        for (int i = 0; i < other.size; i++) {
            hashes[i] = other.hashAt(i);
        }
        for (int i : hashOrder(hashes, shift)) {
            ordinals[i] = insertFrom(other, i, hashes[i]);
        }
        return ordinals;
    }

    /** Inserts the member of {@code other} with the given ordinal and hash; the table has room. */
    private int insertFrom(IdSet other, int ordinal, long hash)
    {
        return kind == LONGS
                ? insert(other.longs[ordinal], hash)
                : insert(other.arena, other.offsets[ordinal], other.offsets[ordinal + 1] - other.offsets[ordinal], hash);
    }

    /**
     * Adds the BIGINT ids {@code ids[0 .. count)}, in that order, writing each one's ordinal into
     * {@code ordinals} — what {@link #add(long)} does one id at a time, for a batch of ids that
     * a large set would look up one cache miss after another. A first pass computes every hash
     * and reads every id's home slot: the reads do not depend on each other, so the processor
     * waits for many of those misses at once; the inserts then find the slots in the cache.
     */
    public void addBatch(long[] ids, int count, long[] hashes, int[] ordinals)
    {
        setKind(LONGS);
        ensureIndexed();
        reserve(size + (long) count);
        long touched = 0;
        for (int i = 0; i < count; i++) {
            long hash = Hashes.mix64(ids[i]);
            hashes[i] = hash;
            touched += small ? 0 : table[home(hash) + 1];
        }
        // keeps the first pass's reads: they are what warms the cache
        this.touched = touched;
        for (int i = 0; i < count; i++) {
            ordinals[i] = insert(ids[i], hashes[i]);
        }
    }

    /** Adds the BIGINT ids {@code ids[0 .. count)} in the order of the table's slots, as {@link #addAllOrdinals} does. */
    public void addAllLongs(long[] ids, int count)
    {
        if (count == 0) {
            return;
        }
        setKind(LONGS);
        ensureIndexed();
        reserve(size + count);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = Hashes.mix64(ids[i]);
        }
        if (small) {
            for (int i = 0; i < count; i++) {
                insert(ids[i], hashes[i]);
            }
            return;
        }
        for (int i : hashOrder(hashes, shift)) {
            insert(ids[i], hashes[i]);
        }
    }

    /**
     * The indexes of {@code hashes} sorted by their top bits (a counting sort on at most
     * {@value #BATCH_BITS} bits, which the table's home slot starts with): inserting in this
     * order touches the table's slots from first to last.
     */
    private static int[] hashOrder(long[] hashes, int shift)
    {
        int bits = Math.min(BATCH_BITS, 64 - shift);
        int runShift = 64 - bits;
        int[] starts = new int[(1 << bits) + 1];
        for (long hash : hashes) {
            starts[(int) (hash >>> runShift) + 1]++;
        }
        for (int run = 0; run < 1 << bits; run++) {
            starts[run + 1] += starts[run];
        }
        int[] order = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            order[starts[(int) (hashes[i] >>> runShift)]++] = i;
        }
        return order;
    }

    private long hashAt(int ordinal)
    {
        return kind == LONGS ? Hashes.mix64(longs[ordinal]) : Hashes.hash64(arena, offsets[ordinal], offsets[ordinal + 1] - offsets[ordinal]);
    }

    /**
     * The ordinal here of the member of {@code other} with the given ordinal, or -1 when this set
     * does not hold it. Only reads: safe on many threads at once once the set's table is built
     * ({@link #size} builds it).
     */
    public int find(IdSet other, int ordinal)
    {
        if (size == 0) {
            return -1;
        }
        if (other.kind != kind) {
            throw new IllegalStateException("ids of one group must all be BIGINT or all VARCHAR");
        }
        if (kind == LONGS) {
            return findLong(Hashes.mix64(other.longs[ordinal]));
        }
        int start = other.offsets[ordinal];
        int end = other.offsets[ordinal + 1];
        long hash = Hashes.hash64(other.arena, start, end - start);
        if (small) {
            for (int i = 0; i < size; i++) {
                if (table[i] == hash && Arrays.equals(arena, offsets[i], offsets[i + 1], other.arena, start, end)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 2;
        for (int slot = home(hash); table[slot + 1] != 0; slot = (slot + 2) & mask) {
            int entry = (int) table[slot + 1];
            if (table[slot] == hash && Arrays.equals(arena, offsets[entry - 1], offsets[entry], other.arena, start, end)) {
                return entry - 1;
            }
        }
        return -1;
    }

    /** The ordinal of the BIGINT id {@code id}, or -1 when this set does not hold it; only reads, as {@link #find(IdSet, int)}. */
    public int find(long id)
    {
        return size == 0 || kind != LONGS ? -1 : findLong(Hashes.mix64(id));
    }

    private int findLong(long hash)
    {
        if (small) {
            for (int i = 0; i < size; i++) {
                if (table[i] == hash) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 2;
        for (int slot = home(hash); table[slot + 1] != 0; slot = (slot + 2) & mask) {
            if (table[slot] == hash) {
                return (int) table[slot + 1] - 1;
            }
        }
        return -1;
    }

    /** The long id of an ordinal, for sets of BIGINT ids. */
    public long longAt(int ordinal)
    {
        return longs[ordinal];
    }

    /** The heap bytes this set holds; the empty arrays that every empty set shares count for none. */
    public long retainedBytes()
    {
        return Sizes.instance(11) + own(table) + own(longs) + (arena == NO_BYTES ? 0 : Sizes.of(arena)) + (offsets == NO_OFFSETS ? 0 : Sizes.of(offsets));
    }

    private static long own(long[] array)
    {
        return array == NO_LONGS ? 0 : Sizes.of(array);
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

    /** The bytes {@link #write} writes. */
    long serializedBytes()
    {
        return 5 + (kind == STRINGS ? 4L * size + offsets[size] : 8L * size);
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
        // the table (and the check that no id repeats) waits for the first lookup or size()
        set.indexed = false;
        return set;
    }

    /**
     * The distinct BIGINT ids {@code ids[0 .. size)}, numbered in that order; a repeated id is
     * corrupt input, found when the table is built (the first lookup or {@link #size}).
     */
    static IdSet ofDistinct(long[] ids, int size)
    {
        IdSet set = new IdSet();
        if (size > 0) {
            set.kind = LONGS;
            set.longs = ids;
            set.size = size;
            set.indexed = false;
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

    /** Builds the table of a set read from its binary form, once. */
    private void ensureIndexed()
    {
        if (!indexed) {
            index();
            indexed = true;
        }
    }

    /**
     * Builds the table for the {@code size} keys already stored, at its final size, in hash
     * order, checking that no key repeats.
     */
    private void index()
    {
        if (size <= SMALL) {
            small = true;
            table = size == 0 ? NO_LONGS : new long[size];
            for (int ordinal = 0; ordinal < size; ordinal++) {
                long hash = hashAt(ordinal);
                for (int other = 0; other < ordinal; other++) {
                    if (table[other] == hash && (kind == LONGS || sameBytes(other, ordinal))) {
                        throw new IllegalArgumentException("corrupt id set: id " + ordinal + " repeats id " + other);
                    }
                }
                table[ordinal] = hash;
            }
            return;
        }
        small = false;
        // the smallest power of two at least twice the size: at most half full, as add() keeps it
        int slots = (int) Long.highestOneBit(Math.max(16, 2L * size) - 1) << 1;
        table = new long[2 * slots];
        shift = 64 - Integer.numberOfTrailingZeros(slots);
        long[] hashes = new long[size];
        for (int ordinal = 0; ordinal < size; ordinal++) {
            hashes[ordinal] = hashAt(ordinal);
        }
        int mask = table.length - 2;
        for (int ordinal : hashOrder(hashes, shift)) {
            long hash = hashes[ordinal];
            int slot = home(hash);
            while (table[slot + 1] != 0) {
                int other = (int) table[slot + 1] - 1;
                if (table[slot] == hash && (kind == LONGS || sameBytes(other, ordinal))) {
                    throw new IllegalArgumentException("corrupt id set: id " + Math.max(ordinal, other) + " repeats id " + Math.min(ordinal, other));
                }
                slot = (slot + 2) & mask;
            }
            table[slot] = hash;
            table[slot + 1] = ordinal + 1;
        }
    }

    /** The first slot to probe for a hash: its top bits, so that slots follow hash order. */
    private int home(long hash)
    {
        return (int) (hash >>> shift) << 1;
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
        if (small ? size == SMALL : 4L * (size + 1) > table.length) {
            reserve(size + 1);
        }
    }

    /**
     * Grows the table, at once, to hold {@code members} ids at most half full. The old table is
     * walked in slot order, which is hash order, so the new one fills in order too.
     */
    private void reserve(long members)
    {
        if (small) {
            if (members > SMALL) {
                toTable(members);
            }
            return;
        }
        if (4L * members <= table.length) {
            return;
        }
        if (members > MAX_SIZE) {
            throw new IllegalStateException("a distinct set holds at most " + MAX_SIZE + " ids");
        }
        int slots = Math.max(16, table.length / 2);
        while (2L * members > slots) {
            slots *= 2;
        }
        long[] bigger = new long[2 * slots];
        int biggerShift = 64 - Integer.numberOfTrailingZeros(slots);
        int mask = bigger.length - 2;
        for (int old = 0; old < table.length; old += 2) {
            if (table[old + 1] == 0) {
                continue;
            }
            long hash = table[old];
            int slot = (int) (hash >>> biggerShift) << 1;
            while (bigger[slot + 1] != 0) {
                slot = (slot + 2) & mask;
            }
            bigger[slot] = hash;
            bigger[slot + 1] = table[old + 1];
        }
        table = bigger;
        shift = biggerShift;
    }

    /** Gives a small set its table, sized for {@code members} ids; its hashes go in by ordinal. */
    private void toTable(long members)
    {
        long[] hashes = table;
        small = false;
        table = NO_LONGS;
        shift = 64;
        reserve(members);
        int mask = table.length - 2;
        for (int ordinal = 0; ordinal < size; ordinal++) {
            int slot = home(hashes[ordinal]);
            while (table[slot + 1] != 0) {
                slot = (slot + 2) & mask;
            }
            table[slot] = hashes[ordinal];
            table[slot + 1] = ordinal + 1;
        }
    }
}

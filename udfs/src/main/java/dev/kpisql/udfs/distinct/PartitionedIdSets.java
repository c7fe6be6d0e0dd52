package dev.kpisql.udfs.distinct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sets of one distinct-id KPI over BIGINT ids and one group, filled by several threads at
 * once. Per-thread sets would hold the ids that several threads meet once per thread, and the
 * merge at the end would insert them again, on one thread; here every id goes in once.
 *
 * <p>An id belongs, by the low bits of its hash, to one of {@value #PARTS} parts, each a set of
 * its own (a table keeps its slots by the <em>top</em> bits, see {@link IdSet}) under a lock of
 * its own. dau_mau's (user, day) pairs go in their user's part, packed with the user's ordinal
 * there. The parts hold disjoint ids, so a set's size is the sum of its parts' sizes, and the
 * answer is the same as one set's, to the bit. A thread writes through its own {@link Writer},
 * which gathers the ids of each part and adds them {@value #BUFFER} at a time under the part's
 * lock ({@link IdSet#addBatch}, the misses overlapping), so the threads seldom wait for each
 * other; the writers' last ids go in when {@link #sizes} is asked for, part by part on every
 * thread.
 */
public final class PartitionedIdSets
{
    static final int PARTS = 256;
    /**
     * The ids of one part a writer gathers before it adds them. dau_mau over a 1 GB CSV (33 M
     * rows, 26.6 M pairs), best of three, one and two threads: 512 ids 6.99 s and 4.08 s, 4,096
     * 6.18 s and 3.17 s, 8,192 5.85 s and 3.90 s; 1,024 parts of 4,096 ids 6.10 s and 3.76 s.
     * Inserting each batch in the order of the table's slots was slower (8.24 s and 4.33 s).
     * A writer's buffers grow to this size as their part's ids come: at most 20 MB a thread, and
     * at most 1/64 of the heap (a small heap gets smaller buffers).
     */
    static final int BUFFER = (int) Math.max(16, Math.min(4_096, Runtime.getRuntime().maxMemory() / 64 / (PARTS * 20L)));
    /**
     * The heap the parts' sets may take, 3/4 of it, past which a writer throws OutOfMemoryError
     * itself. Sets grown part by part in small steps would otherwise fill the heap until the
     * collector ran all the time and the query crawled instead of failing; a thread's own set
     * fails sooner, when its one large table cannot double.
     */
    private static final long BUDGET = Runtime.getRuntime().maxMemory() / 4 * 3;
    /** A buffer's first size; {@link #BUFFER} is at least this. */
    private static final int FIRST_BUFFER = 16;

    private final boolean pairs;
    private final Part[] parts = new Part[PARTS];
    /** The parts' sets' bytes, as {@link IdSet#retainedBytes} counts them. */
    private final AtomicLong bytes = new AtomicLong();
    private final List<Writer> writers = new ArrayList<>();

    /** @param pairs whether the first ids come with days, and each (id, day) pair is counted (dau_mau) */
    public PartitionedIdSets(boolean pairs)
    {
        this.pairs = pairs;
        for (int p = 0; p < PARTS; p++) {
            parts[p] = new Part();
        }
    }

    /** A writer for one thread. */
    public synchronized Writer writer()
    {
        Writer writer = new Writer();
        writers.add(writer);
        return writer;
    }

    /**
     * The sizes of the first set, the second and the pairs, once every writer's last ids are in:
     * call it when no thread writes any more. {@code workers} adds those ids on {@code threads}
     * threads, each taking whole parts.
     */
    synchronized long[] sizes(int threads, DistinctAccumulator.Workers workers)
    {
        AtomicInteger next = new AtomicInteger();
        workers.run(Math.max(1, Math.min(threads, PARTS)), worker -> {
            long[] hashes = new long[BUFFER];
            int[] ordinals = new int[BUFFER];
            for (int p = next.getAndIncrement(); p < PARTS; p = next.getAndIncrement()) {
                for (Writer writer : writers) {
                    writer.addFirst(p, hashes, ordinals);
                    writer.addSecond(p, hashes, ordinals);
                }
            }
        });
        long[] sizes = new long[3];
        for (Part part : parts) {
            sizes[0] += part.first.size();
            sizes[1] += part.second.size();
            sizes[2] += part.pairs.size();
        }
        return sizes;
    }

    private void grew(long delta)
    {
        if (bytes.addAndGet(delta) > BUDGET) {
            throw new OutOfMemoryError("the distinct ids of the query take more than 3/4 of the heap");
        }
    }

    private static int part(long id)
    {
        return (int) Hashes.mix64(id) & (PARTS - 1);
    }

    private static final class Part
    {
        final ReentrantLock lock = new ReentrantLock();
        final IdSet first = new IdSet();
        final IdSet second = new IdSet();
        final IdSet pairs = new IdSet();
    }

    /** One thread's way into the sets: ids gathered by part. Not thread-safe. */
    public final class Writer
    {
        private final long[][] first = new long[PARTS][];
        private final int[][] days = new int[PARTS][];
        private final int[] firstCount = new int[PARTS];
        private final long[][] second = new long[PARTS][];
        private final int[] secondCount = new int[PARTS];
        // addBatch's scratch
        private final long[] hashes = new long[BUFFER];
        private final int[] ordinals = new int[BUFFER];

        private Writer() {}

        /** The sets this writer adds to. */
        PartitionedIdSets sets()
        {
            return PartitionedIdSets.this;
        }

        /**
         * Adds {@code firstIds[0 .. count)} to the first set, each with its day in {@code days}
         * when the pairs are counted (else {@code days} is ignored), and
         * {@code secondIds[0 .. secondCount)} to the second.
         */
        public void add(long[] firstIds, int[] days, int count, long[] secondIds, int secondCount)
        {
            for (int i = 0; i < count; i++) {
                long id = firstIds[i];
                int p = part(id);
                int n = firstCount[p];
                if (first[p] == null || n == first[p].length) {
                    n = roomForFirst(p);
                }
                first[p][n] = id;
                if (pairs) {
                    this.days[p][n] = days[i];
                }
                firstCount[p] = n + 1;
            }
            for (int i = 0; i < secondCount; i++) {
                long id = secondIds[i];
                int p = part(id);
                int n = this.secondCount[p];
                if (second[p] == null || n == second[p].length) {
                    n = roomForSecond(p);
                }
                second[p][n] = id;
                this.secondCount[p] = n + 1;
            }
        }

        /** Makes room in part {@code p}'s buffer of first ids: a larger buffer, or its ids added; the ids it holds now. */
        private int roomForFirst(int p)
        {
            if (first[p] == null) {
                first[p] = new long[FIRST_BUFFER];
                days[p] = pairs ? new int[first[p].length] : null;
            }
            else if (first[p].length < BUFFER) {
                first[p] = Arrays.copyOf(first[p], Math.min(first[p].length * 2, BUFFER));
                days[p] = pairs ? Arrays.copyOf(days[p], first[p].length) : null;
            }
            else {
                addFirst(p, hashes, ordinals);
            }
            return firstCount[p];
        }

        private int roomForSecond(int p)
        {
            if (second[p] == null) {
                second[p] = new long[FIRST_BUFFER];
            }
            else if (second[p].length < BUFFER) {
                second[p] = Arrays.copyOf(second[p], Math.min(second[p].length * 2, BUFFER));
            }
            else {
                addSecond(p, hashes, ordinals);
            }
            return secondCount[p];
        }

        /**
         * Adds the gathered first ids of part {@code p} (and their pairs) to the part, under its
         * lock; {@code hashes} and {@code ordinals} are scratch of {@value #BUFFER} each.
         */
        private void addFirst(int p, long[] hashes, int[] ordinals)
        {
            int count = firstCount[p];
            if (count == 0) {
                return;
            }
            Part part = parts[p];
            long[] ids = first[p];
            part.lock.lock();
            try {
                long before = part.first.retainedBytes() + part.pairs.retainedBytes();
                part.first.addBatch(ids, count, hashes, ordinals);
                if (pairs) {
                    int[] day = days[p];
                    for (int i = 0; i < count; i++) {
                        ids[i] = DistinctAccumulator.pack(ordinals[i], day[i]);
                    }
                    part.pairs.addBatch(ids, count, hashes, ordinals);
                }
                grew(part.first.retainedBytes() + part.pairs.retainedBytes() - before);
            }
            finally {
                part.lock.unlock();
            }
            firstCount[p] = 0;
        }

        private void addSecond(int p, long[] hashes, int[] ordinals)
        {
            int count = secondCount[p];
            if (count == 0) {
                return;
            }
            Part part = parts[p];
            part.lock.lock();
            try {
                long before = part.second.retainedBytes();
                part.second.addBatch(second[p], count, hashes, ordinals);
                grew(part.second.retainedBytes() - before);
            }
            finally {
                part.lock.unlock();
            }
            secondCount[p] = 0;
        }
    }
}

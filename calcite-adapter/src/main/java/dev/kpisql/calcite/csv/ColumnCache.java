package dev.kpisql.calcite.csv;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed columns of the tables a connection has read, so that its next query over a table
 * reads memory instead of the file. Bounded twice by the heap: the tables kept add up to at most
 * {@link #BUDGET_SHARE} of the JVM's maximum heap (the least recently used go first), and each is
 * held through a {@link SoftReference}, which the JVM clears before it would run out of memory.
 * An entry is valid while its file has the size and modification time it had when it was read;
 * a changed file is read again.
 */
final class ColumnCache
{
    /** The share of the maximum heap the kept columns may take together. */
    static final double BUDGET_SHARE = 1.0 / 3;

    /** What identifies the content of a file read: its size and modification time. */
    record FileState(long size, FileTime modified)
    {
        static FileState of(Path file)
                throws IOException
        {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileState(attributes.size(), attributes.lastModifiedTime());
        }
    }

    private record Entry(FileState state, SoftReference<List<ColumnBatch>> batches, long bytes) {}

    private final long budget;
    private final Map<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    ColumnCache()
    {
        this((long) (Runtime.getRuntime().maxMemory() * BUDGET_SHARE));
    }

    ColumnCache(long budget)
    {
        this.budget = budget;
    }

    long budget()
    {
        return budget;
    }

    /** The batches of {@code file} read when it was in {@code state}, or null. */
    synchronized List<ColumnBatch> get(Path file, FileState state)
    {
        Entry entry = entries.get(file);
        if (entry == null) {
            return null;
        }
        List<ColumnBatch> batches = entry.batches().get();
        if (batches == null || !entry.state().equals(state)) {
            entries.remove(file);
            return null;
        }
        return batches;
    }

    /** Whether a table of about {@code bytes} would be kept. */
    boolean admits(long bytes)
    {
        return bytes <= budget;
    }

    /** Keeps {@code batches}, read from {@code file} in {@code state}, dropping older tables to make room. */
    synchronized void put(Path file, FileState state, List<ColumnBatch> batches, long bytes)
    {
        entries.remove(file);
        if (bytes > budget) {
            return;
        }
        long used = bytes;
        for (Iterator<Entry> kept = entries.values().iterator(); kept.hasNext(); ) {
            Entry entry = kept.next();
            if (entry.batches().get() == null) {
                kept.remove();
            }
            else {
                used += entry.bytes();
            }
        }
        for (Iterator<Entry> oldest = entries.values().iterator(); used > budget && oldest.hasNext(); ) {
            used -= oldest.next().bytes();
            oldest.remove();
        }
        entries.put(file, new Entry(state, new SoftReference<>(List.copyOf(batches)), bytes));
    }

    /** Forgets {@code file}. */
    synchronized void remove(Path file)
    {
        entries.remove(file);
    }
}

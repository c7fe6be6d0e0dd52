package dev.kpisql.calcite.csv;

import org.apache.calcite.linq4j.Enumerator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One read of a {@link CsvTable}, on every core the options allow.
 *
 * <p><b>Splitting.</b> A plain (not gzipped) file is cut into byte ranges that each start right
 * after a line feed, past the header; a thread parses a range from its first byte, as a record
 * start. A line feed inside a quoted field is not a record end, so a range may start in the
 * middle of a record; that range's predecessor then ends inside the quoted field, and its last
 * record is one with a quoted line break. Ranges are read speculatively and checked afterwards:
 * when a range, all before it being sound, ends with such a record, the file is read again from
 * start to end on one thread (and so are its later scans). A file whose sample already shows
 * quoted line breaks, and a gzipped file, are read that way from the start.
 *
 * <p><b>Errors.</b> A reader counts lines from its range's start; the line breaks before the
 * range are counted only for an error, so a message names the file's line. When several ranges
 * fail, the earliest one's error is the one thrown, after every range before it was read: the
 * error that a read from start to end meets first.
 *
 * <p><b>Cache.</b> When the connection keeps columns and the table fits its cache, the batches of
 * a complete read are kept (see {@link ColumnCache}) and the next scans read them instead.
 */
final class CsvScan
{
    /** Rows per slice handed to a sink: the columns of a slice stay in the core's caches. */
    static final int SLICE_ROWS = 4096;
    /** Rows per batch when a file is read from start to end. */
    static final int SEQUENTIAL_BATCH_ROWS = 1 << 16;

    private static final long MIN_SPLIT_BYTES = 1 << 20;
    private static final long MAX_SPLIT_BYTES = 16 << 20;
    private static final int READ_BUFFER_BYTES = 1 << 18;

    private final CsvTable table;
    private final Path file;
    private final String name;
    private final List<String> names;
    private final List<CsvType> types;
    private final CsvOptions options;
    private final ColumnCache cache;

    CsvScan(CsvTable table, int threads)
    {
        this.table = table;
        this.file = table.file();
        this.name = file.getFileName().toString();
        this.names = table.columns().names();
        this.types = table.columns().types();
        this.options = table.options().withThreads(threads);
        this.cache = table.cache();
    }

    // ---------------------------------------------------------------- batches, in any order

    /** See {@link CsvTable#forEachBatch}. */
    <S extends BatchSink> List<S> forEachBatch(Supplier<S> sinks)
    {
        ColumnCache.FileState state = state();
        List<ColumnBatch> cached = options.cache() ? cache.get(file, state) : null;
        if (cached != null) {
            return overBatches(cached, sinks);
        }
        boolean keep = options.cache() && cache.admits(estimatedBytes(state.size()));
        if (!table.sequentialOnly()) {
            long[] starts = split(state.size());
            Run<S> run = new Run<>(starts.length, keep, cache.budget());
            Workers.run(Math.min(options.threads(), starts.length), worker -> readRanges(run, starts, state.size(), sinks));
            run.throwError();
            int failed = run.firstFailure();
            int suspect = run.firstSuspect();
            if (suspect < 0 || (failed >= 0 && failed < suspect)) {
                if (failed >= 0) {
                    throw error(run.failures[failed], starts[failed]);
                }
                run.keepIn(cache, file, state);
                return run.sinks();
            }
            // a range started inside a quoted field: the split was wrong, read from start to end
            table.lineBreaksFound();
        }
        return sequentially(sinks, keep, state);
    }

    /** One thread's share of a split read: ranges claimed in file order until none is left or one failed. */
    private <S extends BatchSink> void readRanges(Run<S> run, long[] starts, long size, Supplier<S> sinks)
    {
        S sink = null;
        ColumnBatch reused = null;
        for (int range = run.claim(); range >= 0; range = run.claim()) {
            BatchReader reader = null;
            try {
                if (sink == null) {
                    sink = run.add(sinks.get());
                }
                // once given up (the columns grew past the cache), keeping stays off
                boolean keep = run.keeping();
                ColumnBatch batch;
                if (keep) {
                    batch = new ColumnBatch(types, estimatedRows(starts, range, size));
                }
                else {
                    if (reused == null) {
                        reused = new ColumnBatch(types, SLICE_ROWS);
                    }
                    batch = reused;
                }
                reader = rangeReader(starts, range);
                read(reader, batch, sink, (long) range << 32, Integer.MAX_VALUE, !keep, run);
                run.done(range, reader.lastRecordHadLineBreak(), keep ? batch : null);
                reader.close();
            }
            catch (Throwable e) {
                // a record of a range that ended inside a quoted field may fail for that reason alone
                boolean suspect = reader != null && reader.lastRecordHadLineBreak()
                        && (e instanceof CsvLineException || e instanceof UncheckedIOException);
                closeQuietly(reader);
                run.fail(range, e, suspect);
                return;
            }
        }
    }

    /** Reads the whole file on the calling thread. */
    private <S extends BatchSink> List<S> sequentially(Supplier<S> sinks, boolean keep, ColumnCache.FileState state)
    {
        S sink = sinks.get();
        List<SoftReference<ColumnBatch>> kept = keep ? new ArrayList<>() : null;
        long bytes = 0;
        try (BatchReader reader = new BatchReader(name, names, types, new BufferedInputStream(CsvTable.openStream(file), READ_BUFFER_BYTES), true)) {
            ColumnBatch reused = null;
            for (long index = 0; ; index++) {
                ColumnBatch batch;
                if (kept != null) {
                    batch = new ColumnBatch(types, SEQUENTIAL_BATCH_ROWS);
                }
                else {
                    batch = reused == null ? reused = new ColumnBatch(types, SLICE_ROWS) : reused;
                }
                if (read(reader, batch, sink, index << 32, SEQUENTIAL_BATCH_ROWS, kept == null, null) == 0) {
                    break;
                }
                if (kept != null) {
                    batch.trim();
                    bytes += batch.retainedBytes();
                    if (bytes > cache.budget()) {
                        kept = null;
                    }
                    else {
                        kept.add(new SoftReference<>(batch));
                    }
                }
            }
        }
        catch (CsvLineException e) {
            throw e.at(0);
        }
        catch (UncheckedIOException e) {
            throw CsvTable.unreadable(file, e.getCause());
        }
        catch (IOException e) {
            throw CsvTable.unreadable(file, e);
        }
        if (kept != null) {
            keepIn(cache, file, state, kept, bytes);
        }
        return List.of(sink);
    }

    /** Hands kept batches to sinks, on every thread. */
    private <S extends BatchSink> List<S> overBatches(List<ColumnBatch> batches, Supplier<S> sinks)
    {
        Run<S> run = new Run<>(batches.size(), false, 0);
        Workers.run(Math.min(options.threads(), Math.max(1, batches.size())), worker -> {
            S sink = null;
            for (int index = run.claim(); index >= 0; index = run.claim()) {
                try {
                    if (sink == null) {
                        sink = run.add(sinks.get());
                    }
                    ColumnBatch batch = batches.get(index);
                    for (int from = 0; from < batch.rows() && !run.aborted(); from += SLICE_ROWS) {
                        sink.accept(batch, from, Math.min(batch.rows(), from + SLICE_ROWS), ((long) index << 32) + from);
                    }
                    run.done(index, false, null);
                }
                catch (Throwable e) {
                    run.fail(index, e, false);
                    return;
                }
            }
        });
        run.throwError();
        int failed = run.firstFailure();
        if (failed >= 0) {
            throw Workers.sneaky(run.failures[failed]);
        }
        List<S> used = run.sinks();
        return used.isEmpty() ? List.of(sinks.get()) : used;
    }

    /**
     * Reads up to {@code limit} rows from {@code reader} into {@code batch} and hands them to
     * {@code sink} in slices; the number read. On a record that does not fit, the rows before it
     * go to the sink first, so that an error the sink finds in them comes first, as it would in
     * a read from start to end.
     *
     * @param clear whether the batch starts again after each slice, or keeps every row
     * @param run the parallel read this is part of, which may give up (after an error like an
     * out-of-memory), or null
     */
    private static int read(BatchReader reader, ColumnBatch batch, BatchSink sink, long ordinal, int limit, boolean clear, Run<?> run)
    {
        int total = 0;
        while (total < limit && (run == null || !run.aborted())) {
            int from = batch.rows();
            int read;
            try {
                read = reader.read(batch, Math.min(SLICE_ROWS, limit - total));
            }
            catch (RuntimeException e) {
                if (batch.rows() > from) {
                    sink.accept(batch, from, batch.rows(), ordinal + total);
                }
                throw e;
            }
            if (read == 0) {
                break;
            }
            sink.accept(batch, from, batch.rows(), ordinal + total);
            total += read;
            if (clear) {
                batch.clear();
            }
        }
        return total;
    }

    // ---------------------------------------------------------------- rows, in file order

    /** The rows of the table in file order, read ahead on the other threads. */
    Enumerator<Object[]> rows()
    {
        return new Rows();
    }

    /** Batches in file order: kept ones, ranges read ahead in parallel, or a read from start to end. */
    private interface Source
    {
        /** The next batch, or null at the end; an error comes after the rows before it. */
        ColumnBatch next();

        void close();
    }

    private final class Rows
            implements Enumerator<Object[]>
    {
        private Source source;
        private ColumnBatch batch;
        private int row;
        private Object[] current;
        private ColumnCache.FileState state;
        private List<SoftReference<ColumnBatch>> kept;
        private long keptBytes;

        Rows()
        {
            reset();
        }

        @Override
        public Object[] current()
        {
            return current;
        }

        @Override
        public boolean moveNext()
        {
            while (batch == null || row >= batch.rows()) {
                if (source == null) {
                    return false;
                }
                batch = source.next();
                row = 0;
                if (batch == null) {
                    source.close();
                    source = null;
                    if (kept != null) {
                        keepIn(cache, file, state, kept, keptBytes);
                        kept = null;
                    }
                    current = null;
                    return false;
                }
                if (kept != null) {
                    keptBytes += batch.retainedBytes();
                    if (keptBytes > cache.budget()) {
                        kept = null;
                    }
                    else {
                        kept.add(new SoftReference<>(batch));
                    }
                }
            }
            current = batch.row(row++);
            return true;
        }

        @Override
        public void reset()
        {
            close();
            state = state();
            List<ColumnBatch> cached = options.cache() ? cache.get(file, state) : null;
            if (cached != null) {
                source = new KeptBatches(cached);
                return;
            }
            kept = options.cache() && cache.admits(estimatedBytes(state.size())) ? new ArrayList<>() : null;
            keptBytes = 0;
            source = table.sequentialOnly()
                    ? new SequentialRead(0)
                    : new RangesReadAhead(split(state.size()), state.size());
        }

        @Override
        public void close()
        {
            if (source != null) {
                source.close();
                source = null;
            }
            batch = null;
            current = null;
            kept = null;
        }
    }

    private static final class KeptBatches
            implements Source
    {
        private final List<ColumnBatch> batches;
        private int next;

        KeptBatches(List<ColumnBatch> batches)
        {
            this.batches = batches;
        }

        @Override
        public ColumnBatch next()
        {
            return next < batches.size() ? batches.get(next++) : null;
        }

        @Override
        public void close() {}
    }

    /** The file from {@code start}, a record start, to its end, on the calling thread. */
    private final class SequentialRead
            implements Source
    {
        private final long start;
        private BatchReader reader;
        private RuntimeException pending;

        SequentialRead(long start)
        {
            this.start = start;
            try {
                InputStream in = start == 0 ? CsvTable.openStream(file) : new RangeInputStream(file, start, Long.MAX_VALUE);
                reader = new BatchReader(name, names, types, new BufferedInputStream(in, READ_BUFFER_BYTES), start == 0);
            }
            catch (IOException e) {
                throw CsvTable.unreadable(file, e);
            }
        }

        @Override
        public ColumnBatch next()
        {
            if (pending != null) {
                RuntimeException error = pending;
                pending = null;
                close();
                throw error;
            }
            if (reader == null) {
                return null;
            }
            ColumnBatch batch = new ColumnBatch(types, SLICE_ROWS);
            try {
                if (reader.read(batch, SEQUENTIAL_BATCH_ROWS) == 0) {
                    close();
                    return null;
                }
            }
            catch (CsvLineException e) {
                pending = e.at(start == 0 ? 0 : lineBreaksBefore(start));
            }
            catch (UncheckedIOException e) {
                pending = CsvTable.unreadable(file, e.getCause());
            }
            if (pending != null && batch.rows() == 0) {
                return next();
            }
            batch.trim();
            return batch;
        }

        @Override
        public void close()
        {
            closeQuietly(reader);
            reader = null;
        }
    }

    /**
     * The ranges of a split file, read on the pool ahead of the rows asked for; when a range
     * turns out to have ended inside a quoted field, the file is read from that range's start
     * to its end instead.
     */
    private final class RangesReadAhead
            implements Source
    {
        /** A range read: its rows up to an error, the error, and whether it ended in a quoted line break. */
        private record RangeRead(ColumnBatch batch, RuntimeException error, boolean suspect) {}

        private final long[] starts;
        private final long size;
        private final Deque<Future<RangeRead>> ahead = new ArrayDeque<>();
        private int nextRange;
        private int nextToRead;
        private RuntimeException pending;
        private SequentialRead rest;

        RangesReadAhead(long[] starts, long size)
        {
            this.starts = starts;
            this.size = size;
        }

        @Override
        public ColumnBatch next()
        {
            if (rest != null) {
                return rest.next();
            }
            if (pending != null) {
                RuntimeException error = pending;
                pending = null;
                close();
                throw error;
            }
            if (nextRange >= starts.length) {
                return null;
            }
            int range = nextRange++;
            RangeRead read = read(range);
            if (read.suspect()) {
                // every range before this one was sound: read on from its start, which is a record start
                close();
                table.lineBreaksFound();
                rest = new SequentialRead(starts[range]);
                return rest.next();
            }
            if (read.error() != null) {
                pending = read.error() instanceof CsvLineException line ? line.at(lineBreaksBefore(starts[range])) : read.error();
                if (read.batch().rows() == 0) {
                    return next();
                }
            }
            return read.batch();
        }

        private RangeRead read(int range)
        {
            if (options.threads() == 1) {
                return readRange(range);
            }
            while (nextToRead < starts.length && ahead.size() < options.threads()) {
                int next = nextToRead++;
                ahead.add(Workers.submit(() -> readRange(next)));
            }
            Future<RangeRead> future = ahead.removeFirst();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return future.get();
                    }
                    catch (InterruptedException e) {
                        interrupted = true;
                    }
                    catch (ExecutionException e) {
                        throw Workers.sneaky(e.getCause());
                    }
                }
            }
            finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private RangeRead readRange(int range)
        {
            ColumnBatch batch = new ColumnBatch(types, estimatedRows(starts, range, size));
            BatchReader reader = null;
            try {
                reader = rangeReader(starts, range);
                reader.read(batch, Integer.MAX_VALUE);
                batch.trim();
                return new RangeRead(batch, null, reader.lastRecordHadLineBreak());
            }
            catch (CsvLineException | UncheckedIOException e) {
                batch.trim();
                return new RangeRead(batch, e instanceof UncheckedIOException io ? CsvTable.unreadable(file, io.getCause()) : e,
                        reader != null && reader.lastRecordHadLineBreak());
            }
            catch (IOException e) {
                return new RangeRead(batch, CsvTable.unreadable(file, e), false);
            }
            finally {
                closeQuietly(reader);
            }
        }

        @Override
        public void close()
        {
            for (Future<RangeRead> future : ahead) {
                future.cancel(false);
            }
            ahead.clear();
            nextToRead = starts.length;
            nextRange = starts.length;
            if (rest != null) {
                rest.close();
            }
        }
    }

    // ---------------------------------------------------------------- the split

    /**
     * The start of each byte range: 0 for the first, which holds the header, then the byte after
     * the first line feed at or after each multiple of the split size, past the header's line.
     */
    long[] split(long size)
    {
        long splitBytes = options.splitBytes() > 0
                ? options.splitBytes()
                : Math.max(MIN_SPLIT_BYTES, Math.min(MAX_SPLIT_BYTES, size / (4L * options.threads())));
        if (size <= splitBytes) {
            return new long[] {0};
        }
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            // the header ends with the line feed that ends its line; empty lines may come before it
            long headerEnd = lineFeedAfter(channel, buffer, 0, table.columns().headerLine());
            long target = Math.max(splitBytes, headerEnd);
            while (target < size) {
                // at or after target - 1, so that a range may start right at target (and at the header's end)
                long start = lineFeedAfter(channel, buffer, target - 1, 1);
                if (start >= size) {
                    break;
                }
                starts.add(start);
                target = start + splitBytes;
            }
        }
        catch (IOException e) {
            throw CsvTable.unreadable(file, e);
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** The position after the {@code count}-th line feed at or after {@code from}, or the file's size. */
    private static long lineFeedAfter(FileChannel channel, ByteBuffer buffer, long from, long count)
            throws IOException
    {
        long position = from;
        long seen = 0;
        while (true) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return channel.size();
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n' && ++seen == count) {
                    return position + i + 1;
                }
            }
            position += read;
        }
    }

    private static long end(long[] starts, int range)
    {
        return range + 1 < starts.length ? starts[range + 1] : Long.MAX_VALUE;
    }

    private BatchReader rangeReader(long[] starts, int range)
            throws IOException
    {
        long end = end(starts, range);
        InputStream in = new RangeInputStream(file, starts[range], end);
        // a small range needs no large buffer
        int buffer = (int) Math.max(1 << 13, Math.min(READ_BUFFER_BYTES, end - starts[range]));
        return new BatchReader(name, names, types, new BufferedInputStream(in, buffer), range == 0);
    }

    /**
     * The line breaks in {@code [0, end)} as the CSV parser counts them (a line feed, a carriage
     * return, or both together), for the message of an error found by a range's reader.
     */
    private long lineBreaksBefore(long end)
    {
        try (InputStream in = new RangeInputStream(file, 0, end)) {
            byte[] buffer = new byte[READ_BUFFER_BYTES];
            long breaks = 0;
            byte previous = 0;
            for (int read = in.read(buffer, 0, buffer.length); read > 0; read = in.read(buffer, 0, buffer.length)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n' ? previous != '\r' : b == '\r') {
                        breaks++;
                    }
                    previous = b;
                }
            }
            return breaks;
        }
        catch (IOException e) {
            throw CsvTable.unreadable(file, e);
        }
    }

    /** The error to throw for a range's failure: a record's error names its line in the file. */
    private RuntimeException error(Throwable failure, long start)
    {
        if (failure instanceof CsvLineException line) {
            return line.at(start == 0 ? 0 : lineBreaksBefore(start));
        }
        if (failure instanceof UncheckedIOException io) {
            return CsvTable.unreadable(file, io.getCause());
        }
        return Workers.sneaky(failure);
    }

    // ---------------------------------------------------------------- sizes and the cache

    private ColumnCache.FileState state()
    {
        try {
            return ColumnCache.FileState.of(file);
        }
        catch (IOException e) {
            throw CsvTable.unreadable(file, e);
        }
    }

    /**
     * The rows of a range of a file of {@code size} bytes, from the sample's record length, with
     * some room; at most {@value #MAX_INITIAL_ROWS}, for a batch grows when it must.
     */
    private int estimatedRows(long[] starts, int range, long size)
    {
        long bytes = (range + 1 < starts.length ? starts[range + 1] : size) - starts[range];
        double rows = bytes / table.columns().charsPerRow() * 1.1 + 16;
        return (int) Math.min(rows, MAX_INITIAL_ROWS);
    }

    private static final int MAX_INITIAL_ROWS = 1 << 18;

    /** The heap the columns of a file of {@code size} bytes would take, from the sample. */
    private long estimatedBytes(long size)
    {
        if (file.getFileName().toString().endsWith(".gz")) {
            // the batches' sizes are counted as they are read; give up then when they do not fit
            return 0;
        }
        double perRow = 0;
        for (CsvType type : types) {
            perRow += switch (type) {
                case BIGINT, TIMESTAMP, DOUBLE -> 8;
                case DATE -> 4;
                case BOOLEAN -> 1;
                // a reference, and a shared string at best
                case VARCHAR -> 4;
            };
        }
        return (long) (size / table.columns().charsPerRow() * perRow);
    }

    private static void keepIn(ColumnCache cache, Path file, ColumnCache.FileState state, List<SoftReference<ColumnBatch>> kept, long bytes)
    {
        List<ColumnBatch> batches = new ArrayList<>(kept.size());
        for (SoftReference<ColumnBatch> reference : kept) {
            ColumnBatch batch = reference.get();
            if (batch == null) {
                // the heap ran short while reading
                return;
            }
            batches.add(batch);
        }
        cache.put(file, state, batches, bytes);
    }

    private static void closeQuietly(BatchReader reader)
    {
        if (reader != null) {
            try {
                reader.close();
            }
            catch (IOException | RuntimeException e) {
                // the read is over; an error closing it changes nothing
            }
        }
    }

    /**
     * The shared state of a parallel read: ranges (or kept batches) are claimed in file order;
     * after a failure, ranges past it are no longer claimed, but those before it are read to
     * the end, for one of them may fail earlier in the file.
     */
    private static final class Run<S>
    {
        private final AtomicInteger next = new AtomicInteger();
        private final Throwable[] failures;
        private final boolean[] suspects;
        private final SoftReference<ColumnBatch>[] kept;
        private final AtomicLong keptBytes = new AtomicLong();
        private final List<S> sinks = new ArrayList<>();
        private volatile int stopAfter = Integer.MAX_VALUE;
        private volatile boolean keeping;
        private volatile boolean aborted;

        private final long budget;

        @SuppressWarnings("unchecked")
        Run(int ranges, boolean keep, long budget)
        {
            failures = new Throwable[ranges];
            suspects = new boolean[ranges];
            kept = new SoftReference[ranges];
            keeping = keep;
            this.budget = budget;
        }

        int claim()
        {
            int range = next.getAndIncrement();
            return range < failures.length && range <= stopAfter ? range : -1;
        }

        synchronized S add(S sink)
        {
            sinks.add(sink);
            return sink;
        }

        synchronized List<S> sinks()
        {
            return List.copyOf(sinks);
        }

        boolean keeping()
        {
            return keeping;
        }

        void done(int range, boolean suspect, ColumnBatch batch)
        {
            if (suspect) {
                mark(range, null, true);
            }
            if (batch != null && keeping) {
                batch.trim();
                if (keptBytes.addAndGet(batch.retainedBytes()) <= budget) {
                    kept[range] = new SoftReference<>(batch);
                }
                else {
                    keeping = false;
                }
            }
        }

        void fail(int range, Throwable failure, boolean suspect)
        {
            mark(range, failure, suspect);
            if (failure instanceof Error) {
                // out of memory, most likely: every thread stops and drops its state, so that the
                // heap is free again for the error and the next statement
                aborted = true;
                stopAfter = -1;
                synchronized (this) {
                    sinks.clear();
                }
            }
        }

        boolean aborted()
        {
            return aborted;
        }

        /** Throws an Error (out of memory) that a thread met, whatever the range. */
        synchronized void throwError()
        {
            for (Throwable failure : failures) {
                if (failure instanceof Error error) {
                    throw error;
                }
            }
        }

        private synchronized void mark(int range, Throwable failure, boolean suspect)
        {
            failures[range] = failure;
            suspects[range] |= suspect;
            stopAfter = Math.min(stopAfter, range);
        }

        synchronized int firstFailure()
        {
            for (int range = 0; range < failures.length; range++) {
                if (failures[range] != null) {
                    return range;
                }
            }
            return -1;
        }

        synchronized int firstSuspect()
        {
            for (int range = 0; range < suspects.length; range++) {
                if (suspects[range]) {
                    return range;
                }
            }
            return -1;
        }

        void keepIn(ColumnCache cache, Path file, ColumnCache.FileState state)
        {
            if (!keeping) {
                return;
            }
            List<SoftReference<ColumnBatch>> batches = Arrays.asList(kept);
            if (batches.contains(null)) {
                return;
            }
            CsvScan.keepIn(cache, file, state, batches, keptBytes.get());
        }
    }
}

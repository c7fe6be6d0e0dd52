package dev.kpisql.udfs.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * An independent model of ClickHouse's {@code windowFunnel} for the tests: a plain transcription of
 * {@code getEventLevelNonStrictOnce} and {@code getEventLevelStrictOnce} of
 * {@code AggregateFunctionWindowFunnel.cpp} over expanded entries (ts, step, row id), keeping every
 * chain as ClickHouse does. Rows get their ids in the order of contract S4 (ClickHouse: arrival).
 * Slow and simple on purpose.
 */
final class ClickHouseFunnelModel
{
    record Row(long ts, List<Boolean> steps) {}

    private record Entry(long ts, int event, long uid) {}

    private static final class Chain
    {
        final long first;
        final long last;
        final long[] path;

        Chain(long first, long last, long[] path)
        {
            this.first = first;
            this.last = last;
            this.path = path;
        }
    }

    private ClickHouseFunnelModel() {}

    static int level(List<Row> input, long window, boolean deduplication, boolean order, boolean increase, boolean once)
    {
        int n = input.get(0).steps().size();
        List<Row> rows = new ArrayList<>(input);
        // row ids in the order of S4: ts, lowest true step, step bits as an unsigned number
        rows.sort(Comparator.comparingLong(Row::ts)
                .thenComparingInt(row -> Integer.numberOfTrailingZeros(bits(row)))
                .thenComparing((a, b) -> Integer.compareUnsigned(bits(a), bits(b))));
        List<Entry> entries = new ArrayList<>();
        long uid = 1;
        for (Row row : rows) {
            boolean any = false;
            for (int i = n; i > 0; i--) {
                if (Boolean.TRUE.equals(row.steps().get(i - 1))) {
                    entries.add(new Entry(row.ts(), i, uid));
                    any = true;
                }
            }
            if (order && !any) {
                entries.add(new Entry(row.ts(), 0, uid));
            }
            uid++;
        }
        if (entries.isEmpty()) {
            return 0;
        }
        if (!order && n == 1) {
            return 1;
        }
        entries.sort(Comparator.comparingLong(Entry::ts).thenComparingInt(Entry::event).thenComparingLong(Entry::uid));
        return once ? strictOnce(entries, n, window, deduplication, order, increase) : nonStrictOnce(entries, n, window, deduplication, order, increase);
    }

    private static int bits(Row row)
    {
        int bits = 0;
        for (int i = 0; i < row.steps().size(); i++) {
            if (Boolean.TRUE.equals(row.steps().get(i))) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    private static boolean within(long first, long ts, long window)
    {
        return ts - first <= window;
    }

    private static int nonStrictOnce(List<Entry> entries, int n, long window, boolean deduplication, boolean order, boolean increase)
    {
        Long[] first = new Long[n];
        Long[] last = new Long[n];
        boolean firstEvent = false;
        for (Entry entry : entries) {
            int idx = entry.event() - 1;
            long ts = entry.ts();
            if (order && idx == -1) {
                if (firstEvent) {
                    break;
                }
                continue;
            }
            if (idx == 0) {
                first[0] = ts;
                last[0] = ts;
                firstEvent = true;
            }
            else if (deduplication && first[idx] != null) {
                return highest(first);
            }
            else if (order && firstEvent && first[idx - 1] == null) {
                for (int e = 0; e < n; e++) {
                    if (first[e] == null) {
                        return e;
                    }
                }
            }
            else if (first[idx - 1] != null) {
                boolean matched = within(first[idx - 1], ts, window);
                if (increase) {
                    matched = matched && last[idx - 1] < ts;
                }
                if (matched) {
                    first[idx] = first[idx - 1];
                    last[idx] = ts;
                    if (idx + 1 == n) {
                        return n;
                    }
                }
            }
        }
        return highest(first);
    }

    private static int highest(Object[] levels)
    {
        for (int e = levels.length; e > 0; e--) {
            if (levels[e - 1] != null) {
                return e;
            }
        }
        return 0;
    }

    private static int strictOnce(List<Entry> entries, int n, long window, boolean deduplication, boolean order, boolean increase)
    {
        List<LinkedList<Chain>> sequences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sequences.add(new LinkedList<>());
        }
        boolean hasFirst = false;
        for (Entry entry : entries) {
            long ts = entry.ts();
            int idx = entry.event() - 1;
            long uid = entry.uid();
            if (order && idx == -1) {
                if (hasFirst) {
                    break;
                }
                continue;
            }
            else if (idx == 0) {
                long[] path = new long[n];
                path[0] = uid;
                sequences.get(0).add(new Chain(ts, ts, path));
                hasFirst = true;
            }
            else if (deduplication && !sequences.get(idx).isEmpty()) {
                for (int e = n; e > 0; e--) {
                    if (!sequences.get(e - 1).isEmpty()) {
                        return e;
                    }
                }
                return 0;
            }
            else if (order && hasFirst && sequences.get(idx - 1).isEmpty()) {
                for (int e = 0; e < n; e++) {
                    if (sequences.get(e).isEmpty()) {
                        return e;
                    }
                }
            }
            else if (!sequences.get(idx - 1).isEmpty()) {
                LinkedList<Chain> previous = sequences.get(idx - 1);
                List<Chain> created = new ArrayList<>();
                for (Iterator<Chain> it = previous.iterator(); it.hasNext(); ) {
                    Chain chain = it.next();
                    boolean matched = within(chain.first, ts, window);
                    if (!matched && previous.size() > 1) {
                        it.remove();
                        continue;
                    }
                    for (int j = 0; j < idx && matched; j++) {
                        matched = chain.path[j] != uid;
                    }
                    if (matched && increase) {
                        matched = chain.last < ts;
                    }
                    if (matched) {
                        long[] path = chain.path.clone();
                        path[idx] = uid;
                        created.add(new Chain(chain.first, ts, path));
                        if (idx + 1 == n) {
                            return n;
                        }
                    }
                }
                sequences.get(idx).addAll(created);
            }
        }
        for (int e = n; e > 0; e--) {
            if (!sequences.get(e - 1).isEmpty()) {
                return e;
            }
        }
        return 0;
    }
}

package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;

import java.util.Arrays;

import static dev.kpisql.udfs.events.FunnelMode.STRICT_DEDUPLICATION;
import static dev.kpisql.udfs.events.FunnelMode.STRICT_INCREASE;
import static dev.kpisql.udfs.events.FunnelMode.STRICT_ONCE;
import static dev.kpisql.udfs.events.FunnelMode.STRICT_ORDER;

/**
 * The furthest step of {@code window_funnel}, by ClickHouse's {@code windowFunnel} algorithm
 * (contract S6; ClickHouse {@code src/AggregateFunctions/AggregateFunctionWindowFunnel.cpp}).
 *
 * <p>Each row stands for one entry (ts, step) per true step, and with {@code strict_order} a row
 * with no true step for an entry (ts, 0). Entries are read in (ts, step) order. The default scan
 * keeps, per level k, the first and last ts of one chain: a step-1 entry (re)starts level 1 at its
 * own ts; a step-k entry extends level k − 1 when {@code ts ≤ first + window}; the answer is the
 * highest level reached. Because a level's first ts only grows, the one chain kept per level is the
 * best one, and the answer is the contract's definition: the largest k with events e1 … ek, step i
 * true on ei, {@code ts(e1) ≤ … ≤ ts(ek) ≤ ts(e1) + window}.
 *
 * <p>{@code strict_once} forbids one row to fill two steps of a chain, so ClickHouse keeps every chain
 * (per level, the chains' first ts and the rows they used). What of a chain matters later is only its
 * first ts (the window) and, while the scan is still at one ts, which rows of that ts it used. So a
 * level keeps one chain from earlier timestamps, the one with the latest first ts, and within one ts
 * the chains are not listed at all: a chain reaching step k from a chain of step j − 1 exists exactly
 * when steps j … k can be given distinct rows of that ts, each true for its step — a bipartite
 * matching of at most 32 steps to the ts's distinct rows (identical rows are one class with a
 * count). This gives ClickHouse's answer for any number of rows at one ts; the rows of one ts are
 * read in the order of S4 (ClickHouse reads them in arrival order, which only {@code
 * strict_deduplication} can tell apart). Past {@value #MAX_MATCHING_STEPS} matching steps (thousands of
 * different rows at one ts) the query fails with a clear error.
 */
final class Funnel
{
    /** Matching steps of one strict_once answer before it gives up. */
    static final long MAX_MATCHING_STEPS = 50_000_000;

    private Funnel() {}

    /**
     * @param rows the group's rows, sorted (S4); rows with no true step only when {@code strict_order}
     * @param window in the clock's unit
     */
    static int level(String function, EventLog rows, int steps, long window, int modes)
    {
        return (modes & STRICT_ONCE) != 0 ? new StrictOnce(function, steps, window, modes).scan(rows) : new Default(steps, window, modes).scan(rows);
    }

    /** Reads sorted rows one ts at a time; a scan answers ≥ 0 to stop early. */
    private abstract static class Scan
    {
        final int steps;
        final long window;
        final boolean deduplication;
        final boolean order;
        final boolean increase;
        /** Levels reached: always a prefix 1 … reached. */
        int reached;
        boolean firstEvent;

        Scan(int steps, long window, int modes)
        {
            this.steps = steps;
            this.window = window;
            this.deduplication = (modes & STRICT_DEDUPLICATION) != 0;
            this.order = (modes & STRICT_ORDER) != 0;
            this.increase = (modes & STRICT_INCREASE) != 0;
        }

        final int scan(EventLog rows)
        {
            int n = rows.size();
            int i = 0;
            while (i < n) {
                long ts = rows.time(i);
                int end = i + 1;
                boolean marker = rows.mask(i) == 0;
                while (end < n && rows.time(end) == ts) {
                    marker |= rows.mask(end) == 0;
                    end++;
                }
                // the (ts, 0) entries sort first: with strict_order, one after step 1 stops the scan
                if (marker && order && firstEvent) {
                    return reached;
                }
                int answer = timestamp(ts, rows, i, end);
                if (answer >= 0) {
                    return answer;
                }
                i = end;
            }
            return reached;
        }

        /** The entries of rows {@code from} … {@code to − 1}, which share {@code ts}; an answer ≥ 0 stops the scan. */
        abstract int timestamp(long ts, EventLog rows, int from, int to);
    }

    /** ClickHouse's {@code getEventLevelNonStrictOnce}: one chain per level. */
    private static final class Default
            extends Scan
    {
        private final long[] first;
        private final long[] last;

        Default(int steps, long window, int modes)
        {
            super(steps, window, modes);
            first = new long[steps];
            last = new long[steps];
        }

        @Override
        int timestamp(long ts, EventLog rows, int from, int to)
        {
            if (to - from == 1) {
                for (int bits = rows.mask(from); bits != 0; bits &= bits - 1) {
                    int answer = entry(ts, Integer.numberOfTrailingZeros(bits));
                    if (answer >= 0) {
                        return answer;
                    }
                }
                return -1;
            }
            int union = 0;
            for (int r = from; r < to; r++) {
                union |= rows.mask(r);
            }
            // entries (ts, step) in step order; equal entries of several rows one after the other
            for (int bits = union; bits != 0; bits &= bits - 1) {
                int step = Integer.numberOfTrailingZeros(bits);
                for (int r = from; r < to; r++) {
                    if ((rows.mask(r) & (1 << step)) != 0) {
                        int answer = entry(ts, step);
                        if (answer >= 0) {
                            return answer;
                        }
                    }
                }
            }
            return -1;
        }

        /** The entry of step index {@code step} (0 for step 1). */
        private int entry(long ts, int step)
        {
            if (step == 0) {
                first[0] = ts;
                last[0] = ts;
                reached = Math.max(reached, 1);
                firstEvent = true;
                return -1;
            }
            if (deduplication && step < reached) {
                return reached;
            }
            if (order && firstEvent && step - 1 >= reached) {
                return reached;
            }
            if (step - 1 < reached) {
                long start = first[step - 1];
                boolean matched = TimeAmounts.withinAmount(start, ts, window) && (!increase || last[step - 1] < ts);
                if (matched) {
                    first[step] = start;
                    last[step] = ts;
                    reached = Math.max(reached, step + 1);
                    if (reached == steps) {
                        return steps;
                    }
                }
            }
            return -1;
        }
    }

    /**
     * ClickHouse's {@code getEventLevelStrictOnce} without its list of chains, as the class comment
     * explains. Levels are numbered 1 … steps here: level k is k steps reached.
     */
    private static final class StrictOnce
            extends Scan
    {
        private final String function;
        /** Per level: whether a chain reached it at an earlier ts, and the latest first ts of those. */
        private final boolean[] carried;
        private final long[] carriedFirst;
        /** Per level j − 1, at the current ts: whether a chain of it is within the window (live[1]: a chain may start here). */
        private final boolean[] live;
        private final boolean[] bestFound;
        private final long[] bestFirst;
        private long work;
        private int rowsAtTimestamp;
        // the current ts's distinct rows: bits and how many rows have them
        private int[] classBits = new int[4];
        private int[] classCounts = new int[4];
        private int[] rowClasses = new int[4];
        private int classes;
        // matching scratch
        private final int[] stepClass;
        private int[] used = new int[4];
        private int[] visited = new int[4];
        private int visit;

        StrictOnce(String function, int steps, long window, int modes)
        {
            super(steps, window, modes);
            this.function = function;
            carried = new boolean[steps + 1];
            carriedFirst = new long[steps + 1];
            live = new boolean[steps + 1];
            bestFound = new boolean[steps + 1];
            bestFirst = new long[steps + 1];
            stepClass = new int[steps + 1];
        }

        @Override
        int timestamp(long ts, EventLog rows, int from, int to)
        {
            rowsAtTimestamp = to - from;
            classify(rows, from, to);
            live[1] = true;
            for (int j = 2; j <= steps; j++) {
                live[j] = carried[j - 1] && TimeAmounts.withinAmount(carriedFirst[j - 1], ts, window);
            }
            int union = 0;
            for (int c = 0; c < classes; c++) {
                union |= classBits[c];
            }
            for (int bits = union; bits != 0; bits &= bits - 1) {
                int step = Integer.numberOfTrailingZeros(bits) + 1;
                if (step == 1) {
                    reached = Math.max(reached, 1);
                    firstEvent = true;
                    continue;
                }
                // the nearest origin: the chain of level step − 1, or of a lower level this ts can extend
                int origin = step;
                while (!live[origin]) {
                    origin--;
                }
                int known = -1;
                boolean knownSuccess = false;
                for (int r = from; r < to; r++) {
                    if ((rows.mask(r) & (1 << (step - 1))) == 0) {
                        continue;
                    }
                    if (deduplication && reached >= step) {
                        return reached;
                    }
                    if (order && firstEvent && reached < step - 1) {
                        return reached;
                    }
                    int rowClass = rowClasses[r - from];
                    if (rowClass != known) {
                        known = rowClass;
                        // the row extends a chain unless every chain of level step − 1 used it; with
                        // strict_increase only a chain of an earlier ts can be extended
                        knownSuccess = origin == step || (!increase && matches(origin, step - 1, rowClass));
                    }
                    if (knownSuccess) {
                        reached = Math.max(reached, step);
                        if (reached == steps) {
                            return steps;
                        }
                    }
                }
            }
            // the chains of this ts, as the best chain of each level for the timestamps to come: found
            // for every level from the chains of earlier timestamps first, then kept
            for (int level = 1; level < steps; level++) {
                boolean found = false;
                long best = 0;
                if ((!increase || level == 1) && matches(1, level, -1)) {
                    found = true;
                    best = ts;
                }
                else {
                    // with strict_increase a chain takes at most one row of one ts
                    int lowest = increase ? level : 2;
                    for (int origin = level; origin >= lowest && matches(origin, level, -1); origin--) {
                        if (live[origin] && (!found || carriedFirst[origin - 1] > best)) {
                            found = true;
                            best = carriedFirst[origin - 1];
                        }
                    }
                }
                bestFound[level] = found;
                bestFirst[level] = best;
            }
            for (int level = 1; level < steps; level++) {
                if (bestFound[level] && (!carried[level] || bestFirst[level] > carriedFirst[level])) {
                    carried[level] = true;
                    carriedFirst[level] = bestFirst[level];
                }
            }
            return -1;
        }

        /** The distinct rows of the ts (sorted, so identical rows are adjacent) and their counts. */
        private void classify(EventLog rows, int from, int to)
        {
            int size = to - from;
            if (rowClasses.length < size) {
                rowClasses = new int[size];
            }
            classes = 0;
            for (int r = from; r < to; r++) {
                int bits = rows.mask(r);
                if (classes == 0 || classBits[classes - 1] != bits) {
                    if (classes == classBits.length) {
                        classBits = Arrays.copyOf(classBits, classes * 2);
                        classCounts = Arrays.copyOf(classCounts, classes * 2);
                    }
                    classBits[classes] = bits;
                    classCounts[classes] = 0;
                    classes++;
                }
                classCounts[classes - 1]++;
                rowClasses[r - from] = classes - 1;
            }
            if (used.length < classes) {
                used = new int[classes];
                visited = new int[classes];
            }
        }

        /**
         * Whether steps {@code first} … {@code last} can each get a different row of the ts true for it,
         * one row of class {@code without} left out (−1: none): Kuhn's augmenting paths, classes with capacities.
         */
        private boolean matches(int first, int last, int without)
        {
            if (first > last) {
                return true;
            }
            Arrays.fill(used, 0, classes, 0);
            for (int step = first; step <= last; step++) {
                visit++;
                if (!augment(step, first, step, without)) {
                    return false;
                }
            }
            return true;
        }

        /** Finds a class for {@code step}; steps {@code first} … {@code assignedEnd − 1} have one and may move. */
        private boolean augment(int step, int first, int assignedEnd, int without)
        {
            int bit = 1 << (step - 1);
            for (int c = 0; c < classes; c++) {
                count();
                if ((classBits[c] & bit) == 0 || visited[c] == visit) {
                    continue;
                }
                visited[c] = visit;
                int capacity = classCounts[c] - (c == without ? 1 : 0);
                if (used[c] < capacity) {
                    used[c]++;
                    stepClass[step] = c;
                    return true;
                }
                // the class is full: move one of its steps to another class
                for (int other = first; other < assignedEnd; other++) {
                    if (other != step && stepClass[other] == c && augment(other, first, assignedEnd, without)) {
                        stepClass[step] = c;
                        return true;
                    }
                }
            }
            return false;
        }

        private void count()
        {
            if (++work > MAX_MATCHING_STEPS) {
                throw KpiException.invalid(function, "mode strict_once: " + rowsAtTimestamp + " rows share one timestamp and fill several steps, "
                        + "which needs more than " + MAX_MATCHING_STEPS + " matching steps; give the rows distinct timestamps or add strict_increase");
            }
        }
    }
}

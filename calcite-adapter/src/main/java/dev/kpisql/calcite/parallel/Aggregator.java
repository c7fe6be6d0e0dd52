package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.KpiRuntime;
import dev.kpisql.calcite.csv.Workers;
import dev.kpisql.calcite.parallel.Vector.Kind;
import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Sums;
import dev.kpisql.udfs.distinct.DistinctAccumulator;
import dev.kpisql.udfs.distinct.IdSet;
import dev.kpisql.udfs.distinct.PartitionedIdSets;
import org.apache.calcite.runtime.SqlFunctions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's states of one aggregate call, one per group, in arrays indexed by group number;
 * states of the same call from other threads merge into them. Each computes what Calcite's
 * generated aggregate computes: {@code count}, {@code sum} and {@code $SUM0}, {@code min} and
 * {@code max} with Calcite's own {@code SqlFunctions.lesser} and {@code greater} and its starting
 * values, {@code count(DISTINCT x)}, and the catalog aggregates through their accumulators. One
 * difference, within contract C6: a sum of DOUBLEs is compensated (Neumaier, as the core's
 * {@link Sums}), so that it does not depend on how rows are split between threads; Calcite adds
 * its rows one by one in file order, and the two can differ in the last bits.
 */
abstract class Aggregator
{
    /** Makes states for groups {@code [0, groups)}. */
    abstract void ensureGroups(int groups);

    /** Adds the {@code count} rows of the slice listed in {@code rows}, each to group {@code groupOf[row]}. */
    abstract void add(Vector[] args, int[] rows, int count, int[] groupOf);

    /** Folds group {@code from} of {@code other}, an aggregator of the same call, into group {@code into}. */
    abstract void merge(int into, Aggregator other, int from);

    /**
     * Whether the states are the core's distinct-id accumulators with sets of their own (VARCHAR
     * ids), but dau_mau's, which {@link Kpi#resultOfAll} counts without merging.
     */
    boolean distinctIds()
    {
        return false;
    }

    /** The result of {@code group} as Calcite's value. */
    abstract Object result(int group);

    /**
     * Whether this thread's states met values whose result Calcite's plan derives from the order
     * of the rows: then the aggregation is run again on one thread, in file order.
     */
    boolean orderSensitive()
    {
        return false;
    }

    /**
     * Adds row {@code row} to a state of its own, to learn whether that row alone fails: the
     * calls are tried row by row after a slice failed, to throw the error a row-at-a-time plan
     * meets first. Only the catalog aggregates validate their values.
     */
    void check(Vector[] args, int row) {}

    static int grown(int length, int needed)
    {
        return Math.max(needed, length + (length >> 1) + 16);
    }

    /** {@code count(*)}, and {@code count(x, ...)}: the rows in which every argument is non-NULL. */
    static final class Count
            extends Aggregator
    {
        private long[] counts = new long[0];

        @Override
        void ensureGroups(int groups)
        {
            if (groups > counts.length) {
                counts = Arrays.copyOf(counts, grown(counts.length, groups));
            }
        }

        @Override
        void add(Vector[] args, int[] rows, int count, int[] groupOf)
        {
            if (args.length == 0) {
                for (int i = 0; i < count; i++) {
                    counts[groupOf[rows[i]]]++;
                }
                return;
            }
            rows:
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                for (Vector arg : args) {
                    if (arg.isNull(row)) {
                        continue rows;
                    }
                }
                counts[groupOf[row]]++;
            }
        }

        @Override
        void merge(int into, Aggregator other, int from)
        {
            counts[into] += ((Count) other).counts[from];
        }

        @Override
        Object result(int group)
        {
            return counts[group];
        }
    }

    /** {@code sum} (NULL for no value) and {@code $SUM0} (0) of BIGINTs: Java's long addition, which wraps as Calcite's does. */
    static final class LongSum
            extends Aggregator
    {
        private final boolean zeroWhenEmpty;
        private long[] sums = new long[0];
        private boolean[] seen = new boolean[0];

        LongSum(boolean zeroWhenEmpty)
        {
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        void ensureGroups(int groups)
        {
            if (groups > sums.length) {
                int size = grown(sums.length, groups);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        void add(Vector[] args, int[] rows, int count, int[] groupOf)
        {
            Vector arg = args[0];
            long[] values = arg.longs;
            boolean[] nulls = arg.nulls;
            int offset = arg.offset;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (nulls != null && nulls[offset + row]) {
                    continue;
                }
                int group = groupOf[row];
                sums[group] += values[offset + row];
                seen[group] = true;
            }
        }

        @Override
        void merge(int into, Aggregator other, int from)
        {
            LongSum sum = (LongSum) other;
            sums[into] += sum.sums[from];
            seen[into] |= sum.seen[from];
        }

        @Override
        Object result(int group)
        {
            return seen[group] ? Long.valueOf(sums[group]) : zeroWhenEmpty ? Long.valueOf(0) : null;
        }
    }

    /** {@code sum} and {@code $SUM0} of DOUBLEs, compensated; a sum that is not finite is the plain sum. */
    static final class DoubleSum
            extends Aggregator
    {
        private final boolean zeroWhenEmpty;
        private double[] sums = new double[0];
        private double[] compensations = new double[0];
        private boolean[] seen = new boolean[0];

        DoubleSum(boolean zeroWhenEmpty)
        {
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        void ensureGroups(int groups)
        {
            if (groups > sums.length) {
                int size = grown(sums.length, groups);
                sums = Arrays.copyOf(sums, size);
                compensations = Arrays.copyOf(compensations, size);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        void add(Vector[] args, int[] rows, int count, int[] groupOf)
        {
            Vector arg = args[0];
            double[] values = arg.doubles;
            boolean[] nulls = arg.nulls;
            int offset = arg.offset;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (nulls != null && nulls[offset + row]) {
                    continue;
                }
                add(groupOf[row], values[offset + row], 0);
            }
        }

        private void add(int group, double value, double compensation)
        {
            double sum = sums[group];
            double total = sum + value;
            compensations[group] += Sums.error(sum, value, total) + compensation;
            sums[group] = total;
            seen[group] = true;
        }

        @Override
        void merge(int into, Aggregator other, int from)
        {
            DoubleSum sum = (DoubleSum) other;
            if (sum.seen[from]) {
                add(into, sum.sums[from], sum.compensations[from]);
            }
        }

        @Override
        Object result(int group)
        {
            if (!seen[group]) {
                return zeroWhenEmpty ? Double.valueOf(0) : null;
            }
            double sum = sums[group];
            // an infinite or NaN sum has no meaningful compensation (it would turn Infinity into NaN)
            return Double.isFinite(sum) ? sum + compensations[group] : sum;
        }
    }

    /**
     * {@code min} and {@code max}: Calcite's {@code lesser} / {@code greater}, from Calcite's
     * starting values. Over DOUBLEs these are not an order: after a NaN the running value starts
     * again from the next row, and of 0.0 and -0.0 the later one stays, so Calcite's answer
     * depends on the order of the rows; a thread that meets a NaN or a -0.0 says so
     * ({@link #orderSensitive}), and the aggregation runs again in file order.
     */
    static final class MinMax
            extends Aggregator
    {
        private final Kind kind;
        private final boolean min;
        private boolean orderSensitive;
        private long[] longs;
        private int[] ints;
        private double[] doubles;
        private String[] strings;
        private boolean[] seen = new boolean[0];

        MinMax(Kind kind, boolean min)
        {
            this.kind = kind;
            this.min = min;
            switch (kind) {
                case LONG -> longs = new long[0];
                case INT -> ints = new int[0];
                case DOUBLE -> doubles = new double[0];
                case STRING -> strings = new String[0];
                default -> throw new IllegalArgumentException("min/max of " + kind);
            }
        }

        @Override
        void ensureGroups(int groups)
        {
            if (groups <= seen.length) {
                return;
            }
            int old = seen.length;
            int size = grown(old, groups);
            seen = Arrays.copyOf(seen, size);
            switch (kind) {
                case LONG -> {
                    longs = Arrays.copyOf(longs, size);
                    Arrays.fill(longs, old, size, min ? Long.MAX_VALUE : Long.MIN_VALUE);
                }
                case INT -> {
                    ints = Arrays.copyOf(ints, size);
                    Arrays.fill(ints, old, size, min ? Integer.MAX_VALUE : Integer.MIN_VALUE);
                }
                case DOUBLE -> {
                    doubles = Arrays.copyOf(doubles, size);
                    Arrays.fill(doubles, old, size, min ? Double.MAX_VALUE : -Double.MAX_VALUE);
                }
                default -> strings = Arrays.copyOf(strings, size);
            }
        }

        @Override
        void add(Vector[] args, int[] rows, int count, int[] groupOf)
        {
            Vector arg = args[0];
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (arg.isNull(row)) {
                    continue;
                }
                int group = groupOf[row];
                int at = arg.offset + row;
                seen[group] = true;
                switch (kind) {
                    case LONG -> longs[group] = min ? SqlFunctions.lesser(longs[group], arg.longs[at]) : SqlFunctions.greater(longs[group], arg.longs[at]);
                    case INT -> ints[group] = min ? SqlFunctions.lesser(ints[group], arg.ints[at]) : SqlFunctions.greater(ints[group], arg.ints[at]);
                    case DOUBLE -> {
                        double value = arg.doubles[at];
                        if (Double.isNaN(value) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) {
                            orderSensitive = true;
                        }
                        doubles[group] = min ? SqlFunctions.lesser(doubles[group], value) : SqlFunctions.greater(doubles[group], value);
                    }
                    default -> strings[group] = min ? SqlFunctions.lesser(strings[group], arg.strings[at]) : SqlFunctions.greater(strings[group], arg.strings[at]);
                }
            }
        }

        @Override
        boolean orderSensitive()
        {
            return orderSensitive;
        }

        @Override
        void merge(int into, Aggregator other, int from)
        {
            MinMax that = (MinMax) other;
            if (!that.seen[from]) {
                return;
            }
            seen[into] = true;
            switch (kind) {
                case LONG -> longs[into] = min ? SqlFunctions.lesser(longs[into], that.longs[from]) : SqlFunctions.greater(longs[into], that.longs[from]);
                case INT -> ints[into] = min ? SqlFunctions.lesser(ints[into], that.ints[from]) : SqlFunctions.greater(ints[into], that.ints[from]);
                case DOUBLE -> doubles[into] = min ? SqlFunctions.lesser(doubles[into], that.doubles[from]) : SqlFunctions.greater(doubles[into], that.doubles[from]);
                default -> strings[into] = min ? SqlFunctions.lesser(strings[into], that.strings[from]) : SqlFunctions.greater(strings[into], that.strings[from]);
            }
        }

        @Override
        Object result(int group)
        {
            if (!seen[group]) {
                return null;
            }
            return switch (kind) {
                case LONG -> longs[group];
                case INT -> ints[group];
                case DOUBLE -> doubles[group];
                default -> strings[group];
            };
        }
    }

    /**
     * {@code count(DISTINCT x)}: the distinct non-NULL values of each group in the core's
     * {@link IdSet}. A DOUBLE is its {@link Double#doubleToLongBits} (Calcite's sets compare by
     * {@link Double#equals}), a DATE its day, a BOOLEAN 0 or 1.
     */
    static final class CountDistinct
            extends Aggregator
    {
        private final Kind kind;
        private IdSet[] sets = new IdSet[0];

        CountDistinct(Kind kind)
        {
            this.kind = kind;
        }

        @Override
        void ensureGroups(int groups)
        {
            if (groups > sets.length) {
                int old = sets.length;
                sets = Arrays.copyOf(sets, grown(old, groups));
                for (int group = old; group < sets.length; group++) {
                    sets[group] = new IdSet();
                }
            }
        }

        @Override
        void add(Vector[] args, int[] rows, int count, int[] groupOf)
        {
            Vector arg = args[0];
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (arg.isNull(row)) {
                    continue;
                }
                IdSet set = sets[groupOf[row]];
                int at = arg.offset + row;
                switch (kind) {
                    case LONG -> set.add(arg.longs[at]);
                    case INT -> set.add(arg.ints[at]);
                    case DOUBLE -> set.add(Double.doubleToLongBits(arg.doubles[at]));
                    case BOOLEAN -> set.add(arg.booleans[at] ? 1 : 0);
                    case STRING -> set.add(arg.strings[at]);
                }
            }
        }

        @Override
        void merge(int into, Aggregator other, int from)
        {
            sets[into].addAll(((CountDistinct) other).sets[from]);
        }

        @Override
        Object result(int group)
        {
            return (long) sets[group].size();
        }
    }

    /** A catalog aggregate: the core's accumulator per group, fed by the signature's kernel. */
    static final class Kpi
            extends Aggregator
    {
        private final int signature;
        private final KpiKernel kernel;
        /** Where the one group's distinct ids go, shared with the other threads' states, or null. */
        private final PartitionedIdSets shared;
        private Object[] states = new Object[0];
        private int groups;

        Kpi(int signature, PartitionedIdSets shared)
        {
            this.signature = signature;
            this.kernel = KpiKernels.of(signature);
            this.shared = shared;
        }

        /**
         * Sets that the threads' states of a distinct-id KPI over BIGINT ids can share (dau_mau's
         * with its pairs), or null when the signature's state is another accumulator.
         */
        static PartitionedIdSets sharedSets(int signature)
        {
            return KpiRuntime.accumulator(signature) instanceof DistinctAccumulator distinct
                    ? new PartitionedIdSets(distinct.kpi() == DistinctAccumulator.Kpi.DAU_MAU)
                    : null;
        }

        @Override
        void ensureGroups(int groups)
        {
            if (groups > states.length) {
                states = Arrays.copyOf(states, grown(states.length, groups));
            }
            for (; this.groups < groups; this.groups++) {
                KpiAccumulator state = KpiRuntime.accumulator(signature);
                states[this.groups] = shared == null ? state : new DistinctAccumulator(((DistinctAccumulator) state).kpi(), shared.writer());
            }
        }

        @Override
        void add(Vector[] args, int[] rows, int count, int[] groupOf)
        {
            kernel.add(states, groupOf, rows, count, args);
        }

        @Override
        void merge(int into, Aggregator other, int from)
        {
            ((KpiAccumulator) states[into]).merge((KpiAccumulator) ((Kpi) other).states[from]);
        }

        @Override
        Object result(int group)
        {
            return KpiRuntime.result((KpiAccumulator) states[group]);
        }

        @Override
        boolean distinctIds()
        {
            // dau_mau's pairs are looked up through their user, two random reads each: over a 1 GB CSV
            // on two threads that took 10.97 s where the merge, in hash order, took 5.90 s
            return shared == null && groups > 0 && states[0] instanceof DistinctAccumulator distinct && distinct.kpi() != DistinctAccumulator.Kpi.DAU_MAU;
        }

        /** Group 0's answer of these states of one call, which share their sets, in this order, finished on {@code threads} threads. */
        static Object resultOfShared(List<Aggregator> parts, int threads)
        {
            List<DistinctAccumulator> states = new ArrayList<>();
            for (Aggregator part : parts) {
                states.add((DistinctAccumulator) ((Kpi) part).states[0]);
            }
            return DistinctAccumulator.resultOfShared(states, ((Kpi) parts.get(0)).shared, threads, Workers::run);
        }

        /** Group 0's answer of these states of one call, merged in this order, counted on {@code threads} threads. */
        static Object resultOfAll(List<Aggregator> parts, int threads)
        {
            List<DistinctAccumulator> states = new ArrayList<>();
            for (Aggregator part : parts) {
                states.add((DistinctAccumulator) ((Kpi) part).states[0]);
            }
            // a DOUBLE, as result() gives it
            return DistinctAccumulator.resultOfAll(states, threads, Workers::run);
        }

        @Override
        void check(Vector[] args, int row)
        {
            // every row of the slice in group 0, the one fresh state
            kernel.add(new Object[] {KpiRuntime.accumulator(signature)}, new int[row + 1], new int[] {row}, 1, args);
        }
    }
}

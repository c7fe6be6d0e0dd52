package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.csv.BatchSink;
import dev.kpisql.calcite.csv.ColumnBatch;
import dev.kpisql.calcite.csv.CsvTable;
import dev.kpisql.calcite.parallel.Vector.Kind;
import dev.kpisql.udfs.distinct.PartitionedIdSets;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregation pushed into the scan of a CSV table: the rows that pass {@code where}, grouped
 * by {@code keys}, folded into {@code calls}. {@link #execute} runs it on every thread the
 * table's options allow: each thread keeps its own groups and one state per group and call
 * ({@link Partial}), fed slices of parsed columns; at the end the threads' states merge, group
 * by group, in the order of each group's first row in the file, and the groups come out in that
 * order. The answer does not depend on the number of threads, but for the last bits of DOUBLE
 * sums (contract C6).
 *
 * <p>One kind of call has an answer that depends on the order of the rows in Calcite's plan:
 * {@code min} and {@code max} of DOUBLEs that meet a NaN or a -0.0 (see {@link Aggregator.MinMax});
 * when a thread meets one, the aggregation runs again on one thread, which reads the rows in file
 * order, as Calcite's plan does.
 *
 * <p>Errors are the ones a row-at-a-time plan meets first: the scan throws the earliest failing
 * range's error (see {@link CsvTable#forEachBatch}), and within a slice, where each call runs
 * over all the rows at once, a failure sends the slice through the calls again, row by row and
 * call by call, each on a fresh state, to find the first row and call that fail.
 *
 * @param where the condition of the rows aggregated, or null for all
 */
public record AggregationPlan(CsvTable table, VectorExpression where, List<VectorExpression> keys, List<Call> calls)
{
    /** The functions of {@link Call}. */
    public enum Function
    {
        COUNT, COUNT_DISTINCT, SUM, SUM0, MIN, MAX, KPI
    }

    /**
     * One aggregate call: its function, its arguments, the condition of its {@code FILTER (WHERE …)}
     * or null, and for a catalog aggregate its index in {@code KpiRuntime.signatures()}.
     */
    public record Call(Function function, List<VectorExpression> arguments, VectorExpression filter, int signature, String name)
    {
        /** @param shared the sets of the threads' states of a distinct-id KPI, or null */
        Aggregator aggregator(PartitionedIdSets shared)
        {
            Kind kind = arguments.isEmpty() ? null : arguments.get(0).kind();
            return switch (function) {
                case COUNT -> new Aggregator.Count();
                case COUNT_DISTINCT -> new Aggregator.CountDistinct(kind);
                case SUM, SUM0 -> kind == Kind.LONG ? new Aggregator.LongSum(function == Function.SUM0) : new Aggregator.DoubleSum(function == Function.SUM0);
                case MIN, MAX -> new Aggregator.MinMax(kind, function == Function.MIN);
                case KPI -> new Aggregator.Kpi(signature, shared);
            };
        }

        /** E.g. {@code nps[BIGINT]($1)}, {@code COUNT(DISTINCT $0)}, {@code SUM($2) FILTER IS_TRUE($5)}: unique per call, as the planner's digest needs. */
        @Override
        public String toString()
        {
            String args = arguments.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "));
            String call = switch (function) {
                case COUNT_DISTINCT -> "COUNT(DISTINCT " + args + ")";
                case KPI -> name + "(" + args + ")";
                default -> function + "(" + args + ")";
            };
            return filter == null ? call : call + " FILTER " + filter;
        }
    }

    public AggregationPlan
    {
        keys = List.copyOf(keys);
        calls = List.copyOf(calls);
    }

    /**
     * Called by the generated code of {@link ParallelAggregate}: the aggregated rows, computed
     * when enumerated; each an {@code Object[]}, or, when {@code scalar}, its one value.
     */
    public Enumerable<Object> execute(DataContext root, boolean scalar)
    {
        return new AbstractEnumerable<>()
        {
            @Override
            public Enumerator<Object> enumerator()
            {
                List<Object[]> rows = rows();
                List<Object> values = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    values.add(scalar ? row[0] : row);
                }
                return Linq4j.enumerator(values);
            }
        };
    }

    /** Every group's row: its key, then each call's result. */
    List<Object[]> rows()
    {
        List<Partial> partials = scan(table.options().threads());
        if (partials.size() > 1 && partials.stream().anyMatch(Partial::orderSensitive)) {
            // an answer that Calcite derives from the order of the rows: one thread reads them in that order
            partials = scan(1);
        }
        // without keys, the distinct-id KPIs are answered from the sets the threads shared or, over
        // VARCHAR ids, counted over the threads' own sets, on every thread; not merged
        boolean[] counted = new boolean[calls.size()];
        for (int c = 0; c < calls.size(); c++) {
            counted[c] = partials.get(0).shared[c] != null || (keys.isEmpty() && partials.size() > 1 && partials.get(0).aggregators[c].distinctIds());
        }
        // each state merges into the one that holds the group's first row in the file
        List<long[]> entries = new ArrayList<>();
        for (int p = 0; p < partials.size(); p++) {
            Partial partial = partials.get(p);
            for (int group = 0; group < partial.groups(); group++) {
                entries.add(new long[] {partial.firstOrdinal(group), p, group});
            }
        }
        entries.sort(Comparator.comparingLong(entry -> entry[0]));
        Map<List<Object>, int[]> owners = new HashMap<>();
        List<int[]> order = new ArrayList<>();
        for (long[] entry : entries) {
            Partial partial = partials.get((int) entry[1]);
            int group = (int) entry[2];
            List<Object> key = Arrays.asList(partial.key(group));
            int[] owner = owners.get(key);
            if (owner == null) {
                owner = new int[] {(int) entry[1], group};
                owners.put(key, owner);
                order.add(owner);
                continue;
            }
            Partial into = partials.get(owner[0]);
            for (int c = 0; c < calls.size(); c++) {
                if (!counted[c]) {
                    into.aggregators[c].merge(owner[1], partial.aggregators[c], group);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(order.size());
        for (int[] owner : order) {
            Partial partial = partials.get(owner[0]);
            Object[] key = partial.key(owner[1]);
            Object[] row = Arrays.copyOf(key, key.length + calls.size());
            for (int c = 0; c < calls.size(); c++) {
                row[key.length + c] = counted[c] ? countedResult(entries, partials, c) : partial.aggregators[c].result(owner[1]);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The one group's answer of call {@code c}, a distinct-id KPI, from the threads' states in the
     * order they would merge: counted on every thread instead of merged on one (see
     * {@code DistinctAccumulator.resultOfAll}), the same answer.
     */
    private Object countedResult(List<long[]> entries, List<Partial> partials, int c)
    {
        List<Aggregator> parts = new ArrayList<>();
        for (long[] entry : entries) {
            parts.add(partials.get((int) entry[1]).aggregators[c]);
        }
        int threads = table.options().threads();
        return partials.get(0).shared[c] != null ? Aggregator.Kpi.resultOfShared(parts, threads) : Aggregator.Kpi.resultOfAll(parts, threads);
    }

    /**
     * The threads' shares of the scan on {@code threads} threads. Without keys, the distinct-id
     * KPIs over BIGINT ids get sets that every thread's state fills ({@link PartitionedIdSets}):
     * an id met by several threads goes in once, and no set is merged at the end.
     */
    private List<Partial> scan(int threads)
    {
        PartitionedIdSets[] shared = new PartitionedIdSets[calls.size()];
        for (int c = 0; c < calls.size(); c++) {
            Call call = calls.get(c);
            if (keys.isEmpty() && call.function() == Function.KPI && call.arguments().stream().noneMatch(argument -> argument.kind() == Kind.STRING)) {
                shared[c] = Aggregator.Kpi.sharedSets(call.signature());
            }
        }
        return table.forEachBatch(() -> new Partial(this, shared), threads);
    }

    /** One thread's share: its evaluators, its groups, and a state per group and call. */
    static final class Partial
            implements BatchSink
    {
        private static final Object[] NO_KEY = new Object[0];

        private final AggregationPlan plan;
        /** Per call, the sets its states share with the other threads' states, or null. */
        final PartitionedIdSets[] shared;
        private final VectorExpression.Evaluator where;
        private final VectorExpression.Evaluator[] keys;
        private final VectorExpression.Evaluator[][] arguments;
        private final VectorExpression.Evaluator[] filters;
        final Aggregator[] aggregators;
        private final GroupTable groups;
        /** The first ordinal of the one group of an aggregation without keys. */
        private long firstOrdinal = Long.MAX_VALUE;
        private int[] rows = new int[0];
        private int[] filtered = new int[0];
        private int[] groupOf = new int[0];
        private final Vector[] keyValues;
        private final Vector[][] argumentValues;

        Partial(AggregationPlan plan, PartitionedIdSets[] shared)
        {
            this.plan = plan;
            this.shared = shared;
            where = plan.where() == null ? null : plan.where().evaluator();
            keys = plan.keys().stream().map(VectorExpression::evaluator).toArray(VectorExpression.Evaluator[]::new);
            keyValues = new Vector[keys.length];
            List<Call> calls = plan.calls();
            arguments = new VectorExpression.Evaluator[calls.size()][];
            argumentValues = new Vector[calls.size()][];
            filters = new VectorExpression.Evaluator[calls.size()];
            aggregators = new Aggregator[calls.size()];
            for (int c = 0; c < calls.size(); c++) {
                Call call = calls.get(c);
                arguments[c] = call.arguments().stream().map(VectorExpression::evaluator).toArray(VectorExpression.Evaluator[]::new);
                argumentValues[c] = new Vector[arguments[c].length];
                filters[c] = call.filter() == null ? null : call.filter().evaluator();
                aggregators[c] = call.aggregator(shared[c]);
            }
            groups = keys.length == 0 ? null : new GroupTable(plan.keys().stream().map(VectorExpression::kind).toArray(Kind[]::new));
            if (groups == null) {
                for (Aggregator aggregator : aggregators) {
                    aggregator.ensureGroups(1);
                }
            }
        }

        int groups()
        {
            return groups == null ? 1 : groups.groups();
        }

        boolean orderSensitive()
        {
            for (Aggregator aggregator : aggregators) {
                if (aggregator.orderSensitive()) {
                    return true;
                }
            }
            return false;
        }

        long firstOrdinal(int group)
        {
            return groups == null ? firstOrdinal : groups.firstOrdinal(group);
        }

        Object[] key(int group)
        {
            return groups == null ? NO_KEY : groups.key(group);
        }

        @Override
        public void accept(ColumnBatch batch, int from, int to, long ordinal)
        {
            int size = to - from;
            if (rows.length < size) {
                rows = new int[size];
                filtered = new int[size];
                groupOf = new int[size];
            }
            int count = 0;
            if (where == null) {
                for (int row = 0; row < size; row++) {
                    rows[count++] = row;
                }
            }
            else {
                Vector condition = where.evaluate(batch, from, size);
                for (int row = 0; row < size; row++) {
                    if (!condition.isNull(row) && condition.booleans[condition.offset + row]) {
                        rows[count++] = row;
                    }
                }
            }
            if (count == 0) {
                return;
            }
            if (groups == null) {
                firstOrdinal = Math.min(firstOrdinal, ordinal + rows[0]);
            }
            else {
                for (int k = 0; k < keys.length; k++) {
                    keyValues[k] = keys[k].evaluate(batch, from, size);
                }
                groups.assign(keyValues, rows, count, groupOf, ordinal);
                for (Aggregator aggregator : aggregators) {
                    aggregator.ensureGroups(groups.groups());
                }
            }
            try {
                for (int c = 0; c < aggregators.length; c++) {
                    Vector[] values = evaluate(c, batch, from, size);
                    if (filters[c] == null) {
                        aggregators[c].add(values, rows, count, groupOf);
                    }
                    else {
                        aggregators[c].add(values, filtered, filter(c, batch, from, size, count), groupOf);
                    }
                }
            }
            catch (RuntimeException e) {
                throw firstFailure(batch, from, size, count, e);
            }
        }

        private Vector[] evaluate(int call, ColumnBatch batch, int from, int size)
        {
            Vector[] values = argumentValues[call];
            for (int a = 0; a < values.length; a++) {
                values[a] = arguments[call][a].evaluate(batch, from, size);
            }
            return values;
        }

        /** The rows that pass call {@code c}'s filter, into {@code filtered}; their number. */
        private int filter(int call, ColumnBatch batch, int from, int size, int count)
        {
            Vector condition = filters[call].evaluate(batch, from, size);
            int passed = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (!condition.isNull(row) && condition.booleans[condition.offset + row]) {
                    filtered[passed++] = row;
                }
            }
            return passed;
        }

        /**
         * The error a row-at-a-time plan meets first in this slice: the rows go through the calls
         * again, one at a time, each on a fresh state; a failure that needs the state of earlier
         * rows (an overflow) is thrown as it came.
         */
        private RuntimeException firstFailure(ColumnBatch batch, int from, int size, int count, RuntimeException failure)
        {
            Vector[][] values = new Vector[aggregators.length][];
            Vector[] conditions = new Vector[aggregators.length];
            for (int c = 0; c < aggregators.length; c++) {
                values[c] = evaluate(c, batch, from, size).clone();
                conditions[c] = filters[c] == null ? null : filters[c].evaluate(batch, from, size);
            }
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                for (int c = 0; c < aggregators.length; c++) {
                    Vector condition = conditions[c];
                    if (condition != null && (condition.isNull(row) || !condition.booleans[condition.offset + row])) {
                        continue;
                    }
                    try {
                        aggregators[c].check(values[c], row);
                    }
                    catch (RuntimeException e) {
                        return e;
                    }
                }
            }
            return failure;
        }
    }
}

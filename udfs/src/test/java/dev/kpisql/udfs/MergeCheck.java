package dev.kpisql.udfs;

import dev.kpisql.udfs.distinct.ApproxDauMauAccumulator;
import dev.kpisql.udfs.distinct.DistinctAccumulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The property every KPI accumulator must have (contract C6): any split of the rows into parts,
 * accumulated separately and merged in any order, gives the answer of one pass. Also checks
 * merging with an empty accumulator on either side, and — for the states with hand-written
 * serializers, which Trino ships between workers and spools to disk — that a part serialized and
 * read back merges like the original.
 */
public final class MergeCheck
{
    private MergeCheck() {}

    /**
     * @param relativeTolerance 0 for results made of exact counts; 1e-12 for sums of doubles
     */
    public static void assertSplitInvariant(Supplier<? extends KpiAccumulator> factory, List<Object[]> rows, long seed, double relativeTolerance)
    {
        Random random = new Random(seed);
        KpiAccumulator onePass = factory.get();
        rows.forEach(onePass::add);
        Object expected = onePass.result();

        for (int trial = 0; trial < 20; trial++) {
            int parts = 1 + random.nextInt(Math.max(1, Math.min(rows.size(), 8)));
            List<KpiAccumulator> partials = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                partials.add(factory.get());
            }
            List<Object[]> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, random);
            for (Object[] row : shuffled) {
                partials.get(random.nextInt(parts)).add(row);
            }
            // a part that travelled as bytes merges like one that did not
            for (int i = 0; i < partials.size(); i++) {
                if (random.nextBoolean()) {
                    partials.set(i, roundTrip(partials.get(i)));
                }
            }
            // an empty partial on either side must change nothing
            partials.add(random.nextInt(partials.size() + 1), factory.get());
            Collections.shuffle(partials, random);
            // merge as a random tree, not only left to right
            while (partials.size() > 1) {
                int i = random.nextInt(partials.size());
                KpiAccumulator left = partials.remove(i);
                int j = random.nextInt(partials.size());
                KpiAccumulator right = partials.remove(j);
                left.merge(right);
                partials.add(left);
            }
            assertSameResult(partials.get(0).result(), expected, relativeTolerance, "split into " + parts + " parts, trial " + trial + ", seed " + seed);
        }
    }

    /** The accumulator serialized and read back, when it has a serialized form of its own. */
    static KpiAccumulator roundTrip(KpiAccumulator accumulator)
    {
        if (accumulator instanceof DistinctAccumulator distinct) {
            return DistinctAccumulator.deserialize(distinct.serialize());
        }
        if (accumulator instanceof ApproxDauMauAccumulator approx) {
            return ApproxDauMauAccumulator.deserialize(approx.serialize());
        }
        if (accumulator instanceof dev.kpisql.udfs.events.WindowFunnelAccumulator funnel) {
            return dev.kpisql.udfs.events.WindowFunnelAccumulator.deserialize(funnel.serialize());
        }
        if (accumulator instanceof dev.kpisql.udfs.events.SequenceAccumulator sequence) {
            return dev.kpisql.udfs.events.SequenceAccumulator.deserialize(sequence.serialize());
        }
        if (accumulator instanceof dev.kpisql.udfs.events.SessionCountAccumulator sessions) {
            return dev.kpisql.udfs.events.SessionCountAccumulator.deserialize(sessions.serialize());
        }
        if (accumulator instanceof dev.kpisql.udfs.experiment.TwoArmAccumulator test) {
            return dev.kpisql.udfs.experiment.TwoArmAccumulator.deserialize(test.serialize(), () -> newInstance(test));
        }
        if (accumulator instanceof dev.kpisql.udfs.experiment.SrmAccumulator srm) {
            return dev.kpisql.udfs.experiment.SrmAccumulator.deserialize(srm.serialize());
        }
        return accumulator;
    }

    private static dev.kpisql.udfs.experiment.TwoArmAccumulator newInstance(dev.kpisql.udfs.experiment.TwoArmAccumulator like)
    {
        try {
            return like.getClass().getConstructor().newInstance();
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void assertSameResult(Object actual, Object expected, double relativeTolerance, String description)
    {
        if (expected instanceof java.util.Map<?, ?> row && actual instanceof java.util.Map<?, ?> actualRow) {
            // a ROW: the same fields in the same order, each compared like a single result
            assertThat(List.copyOf(actualRow.keySet())).as(description).isEqualTo(List.copyOf(row.keySet()));
            row.forEach((field, value) -> assertSameResult(actualRow.get(field), value, relativeTolerance, description + ", field " + field));
            return;
        }
        if (expected == null || actual == null || !(expected instanceof Double)) {
            assertThat(actual).as(description).isEqualTo(expected);
            return;
        }
        double e = (Double) expected;
        double a = (Double) actual;
        if (relativeTolerance == 0) {
            assertThat(a).as(description).isEqualTo(e);
        }
        else {
            assertThat(a).as(description).isCloseTo(e, within(Math.abs(e) * relativeTolerance + 1e-300));
        }
    }
}

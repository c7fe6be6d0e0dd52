package dev.kpisql.udfs.distinct;

import dev.kpisql.udfs.distinct.DistinctAccumulator.Kpi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.kpisql.udfs.distinct.BatchedDistinctTest.THREADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * States whose BIGINT ids go to {@link PartitionedIdSets}, filled by one thread each at the
 * same time and answered by {@link DistinctAccumulator#resultOfShared}: the definition over
 * java.util sets ({@link ResultOfAllTest#expected}), and the answer of the same parts as states
 * of their own, merged, to the bit.
 */
class PartitionedIdSetsTest
{
    @Test
    void statesFilledAtOnceGiveTheDefinitionAndTheMergesAnswer()
    {
        SplittableRandom random = new SplittableRandom(31);
        // up to 150,000 rows a part: every part's buffer fills, and the threads meet at its lock
        for (int rowsPerPart : new int[] {0, 1, 5, 40, 2_000, 150_000}) {
            for (int range : new int[] {3, 50, 100_000}) {
                int parts = 1 + random.nextInt(4);
                List<List<Object[]>> rows = ResultOfAllTest.parts(random, parts, rowsPerPart, range);
                for (Kpi kpi : Kpi.values()) {
                    String what = kpi + ", " + parts + " parts of " + rowsPerPart + " rows over " + range;
                    Double expected = ResultOfAllTest.expected(kpi, rows);
                    DistinctAccumulator merged = new DistinctAccumulator(kpi);
                    for (List<Object[]> part : rows) {
                        DistinctAccumulator own = new DistinctAccumulator(kpi);
                        add(own, kpi, part);
                        merged.merge(own);
                    }
                    PartitionedIdSets sets = new PartitionedIdSets(kpi == Kpi.DAU_MAU);
                    List<DistinctAccumulator> states = new ArrayList<>();
                    for (int part = 0; part < parts; part++) {
                        states.add(new DistinctAccumulator(kpi, sets.writer()));
                    }
                    THREADS.run(parts, part -> add(states.get(part), kpi, rows.get(part)));
                    Double shared = DistinctAccumulator.resultOfShared(states, sets, 2, THREADS);
                    if (expected == null) {
                        assertThat(shared).as(what).isNull();
                        assertThat(merged.result()).as(what).isNull();
                        continue;
                    }
                    assertThat(shared).as(what).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
                    assertThat(shared).as(what).isEqualTo(merged.result());
                }
            }
        }
    }

    @Test
    void varcharIdsHaveNoPlaceInSharedSets()
    {
        PartitionedIdSets sets = new PartitionedIdSets(false);
        DistinctAccumulator state = new DistinctAccumulator(Kpi.ARPU_BY_USER, sets.writer());
        state.add(1.0, "u7");
        assertThatThrownBy(() -> DistinctAccumulator.resultOfShared(List.of(state), sets, 1, THREADS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("only BIGINT ids go to shared sets");
    }

    @Test
    void aStateOfSharedSetsIsAnsweredOnlyWithTheOthers()
    {
        PartitionedIdSets sets = new PartitionedIdSets(true);
        DistinctAccumulator shared = new DistinctAccumulator(Kpi.DAU_MAU, sets.writer());
        shared.addActivity(7L, 19_000);
        assertThatThrownBy(shared::result)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a state of shared sets is answered with the others, by resultOfShared");
        assertThatThrownBy(shared::serialize)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a state of shared sets has no binary form");
        assertThatThrownBy(() -> shared.merge(new DistinctAccumulator(Kpi.DAU_MAU)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge a state of shared sets with one of its own or of other sets");
        PartitionedIdSets others = new PartitionedIdSets(true);
        DistinctAccumulator elsewhere = new DistinctAccumulator(Kpi.DAU_MAU, others.writer());
        elsewhere.addActivity(8L, 19_001);
        assertThatThrownBy(() -> shared.merge(elsewhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge a state of shared sets with one of its own or of other sets");
        assertThatThrownBy(() -> DistinctAccumulator.resultOfShared(List.of(shared, elsewhere), sets, 1, THREADS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a state of its own sets or of other sets");
        // two states of the same sets merge their numbers: one user on one day of a one-day span
        DistinctAccumulator other = new DistinctAccumulator(Kpi.DAU_MAU, sets.writer());
        other.addActivity(7L, 19_000);
        shared.merge(other);
        assertThat(DistinctAccumulator.resultOfShared(List.of(shared), sets, 1, THREADS)).isEqualTo(100.0);
    }

    /** A part's rows (user, session, day, revenue, used) through the boxed interface, which hands BIGINT ids to the typed adds. */
    private static void add(DistinctAccumulator state, Kpi kpi, List<Object[]> rows)
    {
        for (Object[] row : rows) {
            switch (kpi) {
                case ARPU_BY_USER, ARPPU -> state.add(row[3], row[0]);
                case SESSIONS_PER_USER -> state.add(row[1], row[0]);
                case PAGES_PER_SESSION -> state.add(row[1]);
                case FEATURE_ADOPTION_RATE -> state.add(row[0], row[4]);
                case DAU_MAU -> state.add(row[0], ((Integer) row[2]).longValue());
            }
        }
    }
}

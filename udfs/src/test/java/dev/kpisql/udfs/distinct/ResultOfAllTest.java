package dev.kpisql.udfs.distinct;

import dev.kpisql.udfs.distinct.DistinctAccumulator.Kpi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static dev.kpisql.udfs.distinct.BatchedDistinctTest.THREADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DistinctAccumulator#resultOfAll}, the answer of parts counted without merging them, on
 * small parts (sets without a table), VARCHAR ids, empty parts and parts that share every id:
 * the definition over java.util sets, and the merge's answer to the bit.
 */
class ResultOfAllTest
{
    @Test
    void partsOfEverySizeGiveTheDefinitionAndTheMergesAnswer()
    {
        SplittableRandom random = new SplittableRandom(23);
        for (boolean text : new boolean[] {false, true}) {
            for (int rowsPerPart : new int[] {0, 1, 5, 30, 40, 2_000}) {
                for (int range : new int[] {3, 50, 100_000}) {
                    int parts = 1 + random.nextInt(4);
                    List<List<Object[]>> rows = parts(random, parts, rowsPerPart, range);
                    for (Kpi kpi : Kpi.values()) {
                        String what = kpi + (text ? " of VARCHAR ids" : "") + ", " + parts + " parts of " + rowsPerPart + " rows over " + range;
                        Double expected = expected(kpi, rows);
                        DistinctAccumulator merged = new DistinctAccumulator(kpi);
                        for (List<Object[]> part : rows) {
                            merged.merge(state(kpi, part, text));
                        }
                        List<DistinctAccumulator> states = new ArrayList<>();
                        for (List<Object[]> part : rows) {
                            states.add(state(kpi, part, text));
                        }
                        Double counted = DistinctAccumulator.resultOfAll(states, 2, THREADS);
                        if (expected == null) {
                            assertThat(counted).as(what).isNull();
                            assertThat(merged.result()).as(what).isNull();
                            continue;
                        }
                        assertThat(counted).as(what).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
                        assertThat(counted).as(what).isEqualTo(merged.result());
                    }
                }
            }
        }
    }

    @Test
    void bigintAndVarcharIdsInOneSetFailAsInAMerge()
    {
        DistinctAccumulator numbers = new DistinctAccumulator(Kpi.ARPU_BY_USER);
        numbers.add(1.0, 7L);
        DistinctAccumulator words = new DistinctAccumulator(Kpi.ARPU_BY_USER);
        words.add(1.0, "u7");
        assertThatThrownBy(() -> DistinctAccumulator.resultOfAll(List.of(numbers, words), 2, THREADS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ids of one group must all be BIGINT or all VARCHAR");
        assertThatThrownBy(() -> numbers.merge(words))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ids of one group must all be BIGINT or all VARCHAR");
    }

    /**
     * Rows of {@code parts} parts: (user, session, day, revenue, used), users below {@code range},
     * sessions below twice that, days of a month, revenue 0, 2.5 or 5.
     */
    static List<List<Object[]>> parts(SplittableRandom random, int parts, int rowsPerPart, int range)
    {
        List<List<Object[]>> rows = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            List<Object[]> partRows = new ArrayList<>();
            for (int i = 0; i < rowsPerPart; i++) {
                long user = random.nextInt(range);
                long session = random.nextInt(range * 2);
                partRows.add(new Object[] {user, session, 19_000 + random.nextInt(30), random.nextInt(3) * 2.5, random.nextBoolean()});
            }
            rows.add(partRows);
        }
        return rows;
    }

    /** A part's rows (user, session, day, revenue, used) through the boxed interface. */
    private static DistinctAccumulator state(Kpi kpi, List<Object[]> rows, boolean text)
    {
        DistinctAccumulator state = new DistinctAccumulator(kpi);
        for (Object[] row : rows) {
            Object user = text ? "user-" + row[0] : row[0];
            Object session = text ? "session-" + row[1] : row[1];
            switch (kpi) {
                case ARPU_BY_USER, ARPPU -> state.add(row[3], user);
                case SESSIONS_PER_USER -> state.add(session, user);
                case PAGES_PER_SESSION -> state.add(session);
                case FEATURE_ADOPTION_RATE -> state.add(user, row[4]);
                case DAU_MAU -> state.add(user, ((Integer) row[2]).longValue());
            }
        }
        return state;
    }

    /** The contract's formula, over java.util sets; NULL without rows (or without paying users). */
    static Double expected(Kpi kpi, List<List<Object[]>> parts)
    {
        Set<Object> users = new HashSet<>();
        Set<Object> paying = new HashSet<>();
        Set<Object> sessions = new HashSet<>();
        Set<Object> adopters = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        double revenue = 0;
        int rows = 0;
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (List<Object[]> part : parts) {
            for (Object[] row : part) {
                rows++;
                users.add(row[0]);
                if ((Double) row[3] > 0) {
                    paying.add(row[0]);
                }
                sessions.add(row[1]);
                if ((Boolean) row[4]) {
                    adopters.add(row[0]);
                }
                pairs.add(row[0] + "/" + row[2]);
                revenue += (Double) row[3];
                firstDay = Math.min(firstDay, (Integer) row[2]);
                lastDay = Math.max(lastDay, (Integer) row[2]);
            }
        }
        if (rows == 0 || kpi == Kpi.ARPPU && paying.isEmpty()) {
            return null;
        }
        return switch (kpi) {
            case ARPU_BY_USER -> revenue / users.size();
            case ARPPU -> revenue / paying.size();
            case SESSIONS_PER_USER -> (double) sessions.size() / users.size();
            case PAGES_PER_SESSION -> (double) rows / sessions.size();
            case FEATURE_ADOPTION_RATE -> 100.0 * adopters.size() / users.size();
            case DAU_MAU -> 100.0 * pairs.size() / ((double) (lastDay - firstDay + 1) * users.size());
        };
    }
}

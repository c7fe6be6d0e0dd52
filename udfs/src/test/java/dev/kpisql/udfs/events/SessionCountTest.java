package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code session_count}: against dbt's definition (sort the events, count the pauses longer than
 * the gap, plus one) over random groups in random order and splits; the running count of a
 * window function; memory that grows with sessions, not events.
 */
final class SessionCountTest
{
    private static long sessions(long gap, long... ts)
    {
        SessionCountAccumulator state = new SessionCountAccumulator();
        for (long t : ts) {
            state.add(t, Clock.BIGINT, gap, AmountType.BIGINT);
        }
        return state.result();
    }

    /** dbt's sessionization: sorted, a new session after a pause greater than the cutoff. */
    private static long definition(long gap, long[] ts)
    {
        long[] sorted = ts.clone();
        Arrays.sort(sorted);
        long sessions = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] - sorted[i - 1] > gap) {
                sessions++;
            }
        }
        return sessions;
    }

    @Test
    void aPauseOfExactlyTheGapStaysInTheSession()
    {
        assertThat(sessions(30, 0, 30, 60)).isEqualTo(1);
        assertThat(sessions(30, 0, 31, 62)).isEqualTo(3);
        assertThat(sessions(0, 5, 5, 5)).isEqualTo(1);
    }

    @Test
    void eventsOutOfOrderAndOverlappingSessionsFold()
    {
        // sessions [0, 20] and [100, 120] arrive interleaved, then an event joins them
        assertThat(sessions(50, 100, 0, 120, 20)).isEqualTo(2);
        assertThat(sessions(50, 100, 0, 120, 20, 60)).isEqualTo(1);
    }

    @Test
    void randomGroupsInAnyOrderAndSplitAgreeWithTheDefinition()
    {
        Random random = new Random(30);
        for (int round = 0; round < 3_000; round++) {
            int n = 1 + random.nextInt(round % 10 == 0 ? 3_000 : 40);
            long gap = random.nextInt(20);
            long[] ts = new long[n];
            for (int i = 0; i < n; i++) {
                ts[i] = random.nextInt(Math.max(1, n * 5));
            }
            if (random.nextBoolean()) {
                // a partition read in time order, as a window function reads it
                Arrays.sort(ts);
            }
            assertThat(sessions(gap, ts)).as("round %d", round).isEqualTo(definition(gap, ts));
            if (round % 30 == 0) {
                List<Object[]> rows = new ArrayList<>();
                for (long t : ts) {
                    rows.add(new Object[] {t, gap});
                }
                MergeCheck.assertSplitInvariant(SessionCountAccumulator::new, rows, round, 0);
            }
        }
    }

    @Test
    void aRunningCountOverEventsInTimeOrderNumbersEachEventsSession()
    {
        long[] ts = {0, 10, 45, 50, 200, 200, 230};
        long[] expected = {1, 1, 2, 2, 3, 3, 3};
        SessionCountAccumulator state = new SessionCountAccumulator();
        for (int i = 0; i < ts.length; i++) {
            state.add(ts[i], Clock.BIGINT, 30, AmountType.BIGINT);
            assertThat(state.result()).as("after %d", ts[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void memoryGrowsWithSessionsNotEvents()
    {
        SessionCountAccumulator ordered = new SessionCountAccumulator();
        SessionCountAccumulator shuffled = new SessionCountAccumulator();
        Random random = new Random(1);
        // a million events in 10 sessions, once in time order and once in random order
        for (int i = 0; i < 1_000_000; i++) {
            ordered.add(i / 100_000 * 1_000_000L + i % 100_000, Clock.BIGINT, 1, AmountType.BIGINT);
            int j = random.nextInt(1_000_000);
            shuffled.add(j / 100_000 * 1_000_000L + j % 100_000, Clock.BIGINT, 1_000, AmountType.BIGINT);
        }
        assertThat(ordered.retainedBytes()).isLessThan(1_000);
        assertThat(ordered.result()).isEqualTo(10);
        assertThat(shuffled.retainedBytes()).isLessThan(100_000);
        assertThat(shuffled.result()).isEqualTo(10);
    }

    @Test
    void timestampsAreInMicrosecondsAndIntervalsInMilliseconds()
    {
        SessionCountAccumulator state = new SessionCountAccumulator();
        // a 30-minute INTERVAL, events 30 minutes and 30 minutes plus a microsecond apart
        state.add(0, Clock.TIMESTAMP, 1_800_000, AmountType.INTERVAL);
        state.add(1_800_000_000L, Clock.TIMESTAMP, 1_800_000, AmountType.INTERVAL);
        state.add(3_600_000_001L, Clock.TIMESTAMP, 1_800_000, AmountType.INTERVAL);
        assertThat(state.result()).isEqualTo(2);
    }

    @Test
    void badGapsAreRejected()
    {
        assertThatThrownBy(() -> new SessionCountAccumulator().add(0, Clock.BIGINT, 1_000, AmountType.INTERVAL))
                .isInstanceOf(KpiException.class)
                .hasMessage("session_count: gap 1 s is an INTERVAL but ts is a BIGINT clock: give the gap as a BIGINT in ts's own unit");
        assertThatThrownBy(() -> new SessionCountAccumulator().add(0, Clock.TIMESTAMP, -1_500, AmountType.INTERVAL))
                .hasMessage("session_count: gap -1.5 s is negative");
        SessionCountAccumulator state = new SessionCountAccumulator();
        state.add(0, Clock.TIMESTAMP, 1_800_000, AmountType.INTERVAL);
        assertThatThrownBy(() -> state.add(0, Clock.TIMESTAMP, 3_600_000, AmountType.INTERVAL))
                .hasMessage("session_count: gap must be constant within a group, got 1800 s and 3600 s");
        assertThat(new SessionCountAccumulator().result()).isNull();
    }
}

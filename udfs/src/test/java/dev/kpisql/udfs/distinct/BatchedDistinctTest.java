package dev.kpisql.udfs.distinct;

import dev.kpisql.udfs.distinct.DistinctAccumulator.Kpi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups large enough that BIGINT rows go through batches ({@code BATCH_FROM} ids and more):
 * every distinct KPI equals its definition computed with plain Java sets, in one pass, and when
 * the rows are split into parts that are serialized, read back and merged — with rows still
 * waiting in a batch when a part is serialized or merged.
 */
class BatchedDistinctTest
{
    private static final int ROWS = 400_000;

    record Row(long user, long session, int day, double revenue, boolean used) {}

    @Test
    void everyDistinctKpiOfALargeGroupMatchesItsDefinition()
    {
        SplittableRandom random = new SplittableRandom(17);
        Row[] rows = new Row[ROWS];
        for (int i = 0; i < ROWS; i++) {
            // a fifth of the rows from 500 heavy users, the rest spread over 300,000
            long user = random.nextInt(5) == 0 ? random.nextInt(500) : random.nextInt(300_000) - 150_000L;
            rows[i] = new Row(user, random.nextLong(250_000), 20_000 + random.nextInt(120), random.nextInt(4) == 0 ? 0 : random.nextInt(10_000) / 100.0, random.nextInt(7) == 0);
        }
        for (Kpi kpi : Kpi.values()) {
            double expected = expected(kpi, rows);
            assertThat(onePass(kpi, rows, 0, ROWS).result()).as("%s in one pass", kpi).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
            for (int parts : List.of(2, 3, 7)) {
                DistinctAccumulator merged = new DistinctAccumulator(kpi);
                List<DistinctAccumulator> read = new ArrayList<>();
                List<DistinctAccumulator> live = new ArrayList<>();
                for (int part = 0; part < parts; part++) {
                    // uneven parts, so that some stop in the middle of a batch
                    int from = (int) ((long) ROWS * part * part / (parts * parts));
                    int to = (int) ((long) ROWS * (part + 1) * (part + 1) / (parts * parts));
                    merged.merge(DistinctAccumulator.deserialize(onePass(kpi, rows, from, to).serialize()));
                    read.add(DistinctAccumulator.deserialize(onePass(kpi, rows, from, to).serialize()));
                    live.add(onePass(kpi, rows, from, to));
                }
                Double answer = merged.result();
                assertThat(answer).as("%s in %d parts", kpi, parts).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
                // counted over the parts on three threads, read back or with rows still in a batch: the merge's answer to the bit
                assertThat(DistinctAccumulator.resultOfAll(read, 3, THREADS)).as("%s in %d parts read back, counted", kpi, parts).isEqualTo(answer);
                assertThat(DistinctAccumulator.resultOfAll(live, 3, THREADS)).as("%s in %d parts, counted", kpi, parts).isEqualTo(answer);
            }
        }
    }

    /** Each worker on a thread of its own. */
    static final DistinctAccumulator.Workers THREADS = (threads, work) -> {
        Thread[] started = new Thread[threads];
        for (int worker = 0; worker < threads; worker++) {
            int number = worker;
            started[worker] = new Thread(() -> work.accept(number));
            started[worker].start();
        }
        for (Thread thread : started) {
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    };

    private static DistinctAccumulator onePass(Kpi kpi, Row[] rows, int from, int to)
    {
        DistinctAccumulator state = new DistinctAccumulator(kpi);
        for (int i = from; i < to; i++) {
            Row row = rows[i];
            switch (kpi) {
                case ARPU_BY_USER, ARPPU -> state.addRevenue(row.revenue(), row.user());
                case SESSIONS_PER_USER -> state.addSessionOfUser(row.session(), row.user());
                case PAGES_PER_SESSION -> state.addPageView(row.session());
                case FEATURE_ADOPTION_RATE -> state.addFeatureUse(row.user(), row.used());
                case DAU_MAU -> state.addActivity(row.user(), row.day());
            }
        }
        return state;
    }

    /** The contract's formula, over java.util sets. */
    private static double expected(Kpi kpi, Row[] rows)
    {
        Set<Long> users = new HashSet<>();
        Set<Long> paying = new HashSet<>();
        Set<Long> sessions = new HashSet<>();
        Set<Long> adopters = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        double revenue = 0;
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (Row row : rows) {
            users.add(row.user());
            if (row.revenue() > 0) {
                paying.add(row.user());
            }
            sessions.add(row.session());
            if (row.used()) {
                adopters.add(row.user());
            }
            pairs.add(row.user() + "/" + row.day());
            revenue += row.revenue();
            firstDay = Math.min(firstDay, row.day());
            lastDay = Math.max(lastDay, row.day());
        }
        return switch (kpi) {
            case ARPU_BY_USER -> revenue / users.size();
            case ARPPU -> revenue / paying.size();
            case SESSIONS_PER_USER -> (double) sessions.size() / users.size();
            case PAGES_PER_SESSION -> (double) rows.length / sessions.size();
            case FEATURE_ADOPTION_RATE -> 100.0 * adopters.size() / users.size();
            case DAU_MAU -> 100.0 * pairs.size() / ((double) (lastDay - firstDay + 1) * users.size());
        };
    }
}

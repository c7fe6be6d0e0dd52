package dev.kpisql.udfs.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The compact event list: the order of S4 whatever the arrival and merge order; honest memory. */
final class EventLogTest
{
    @Test
    void sortsByTimeThenLowestConditionThenBits()
    {
        EventLog log = new EventLog();
        log.add(5, 0b100);
        log.add(5, 0b011);
        log.add(1, 0b100);
        log.add(5, 0b001);
        log.add(5, 0b110);
        log.sort();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            order.add(log.time(i) + ":" + Integer.toBinaryString(log.mask(i)));
        }
        assertThat(order).containsExactly("1:100", "5:1", "5:11", "5:110", "5:100");
    }

    @Test
    void anyArrivalOrderAndAnyMergeGiveTheSameSortedList()
    {
        Random random = new Random(4);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(500);
            long[] times = new long[n];
            int[] masks = new int[n];
            for (int i = 0; i < n; i++) {
                times[i] = random.nextInt(50) - 25;
                masks[i] = random.nextInt(16);
            }
            EventLog whole = new EventLog();
            EventLog left = new EventLog();
            EventLog right = new EventLog();
            for (int i = 0; i < n; i++) {
                whole.add(times[i], masks[i]);
                (random.nextBoolean() ? left : right).add(times[i], masks[i]);
            }
            if (random.nextBoolean()) {
                left.sort();
                right.sort();
            }
            left.addAll(right);
            whole.sort();
            left.sort();
            assertThat(left.size()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                assertThat(left.time(i)).isEqualTo(whole.time(i));
                assertThat(left.mask(i)).isEqualTo(whole.mask(i));
                if (i > 0) {
                    assertThat(EventLog.compare(whole.time(i - 1), whole.mask(i - 1), whole.time(i), whole.mask(i))).isLessThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void retainedBytesCountTheArraysAtCapacity()
    {
        EventLog log = new EventLog();
        long empty = log.retainedBytes();
        for (int i = 0; i < 10_000; i++) {
            log.add(i, 1);
        }
        // 12 bytes an event, at most half again for growth, and the headers
        assertThat(log.retainedBytes() - empty).isBetween(10_000L * 12, 10_000L * 12 * 3 / 2 + 1_000);
        assertThat(log.isSorted()).isTrue();
    }
}

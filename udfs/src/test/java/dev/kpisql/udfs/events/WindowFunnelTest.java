package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code window_funnel}: worked cases, and thousands of random groups (many ties, every mode)
 * against two independent answers — the contract's definition, for the default mode, and a plain
 * transcription of ClickHouse's algorithm ({@link ClickHouseFunnelModel}), for every mode.
 */
final class WindowFunnelTest
{
    private static final String[] MODE_NAMES = {"strict_deduplication", "strict_order", "strict_increase", "strict_once"};

    private static long funnel(long window, String mode, long[] ts, int[] bits, int steps)
    {
        WindowFunnelAccumulator state = new WindowFunnelAccumulator();
        for (int i = 0; i < ts.length; i++) {
            state.add(window, AmountType.BIGINT, ts[i], Clock.BIGINT, bits[i], steps, mode);
        }
        return state.result();
    }

    @Test
    void windowIsInclusiveAndMeasuredFromStepOne()
    {
        // steps at 0, 3 and 5: within 5 of the start, not within 4
        assertThat(funnel(5, "", new long[] {0, 3, 5}, new int[] {1, 2, 4}, 3)).isEqualTo(3);
        assertThat(funnel(4, "", new long[] {0, 3, 5}, new int[] {1, 2, 4}, 3)).isEqualTo(2);
    }

    @Test
    void aLaterStepOneRestartsTheChainAndKeepsLevelsReached()
    {
        // 1 at 0, 2 at 10 (too late for window 5); 1 again at 8, 2 at 10 is within 5 of it
        assertThat(funnel(5, "", new long[] {0, 10, 8}, new int[] {1, 2, 1}, 2)).isEqualTo(2);
        // level 2 reached from the first start stays reached after a restart that goes nowhere
        assertThat(funnel(5, "", new long[] {0, 1, 20}, new int[] {1, 2, 1}, 3)).isEqualTo(2);
    }

    @Test
    void equalTimestampsChainInStepOrderUnlessStrictIncrease()
    {
        // ClickHouse 00632: steps at 0, 1, 1, 1, 2 reach all five; strict_increase stops at 2
        long[] ts = {0, 1, 1, 1, 2};
        int[] bits = {1, 2, 4, 8, 16};
        assertThat(funnel(10_000, "", ts, bits, 5)).isEqualTo(5);
        assertThat(funnel(10_000, "strict_increase", ts, bits, 5)).isEqualTo(2);
    }

    @Test
    void oneRowFillsSeveralStepsUnlessStrictOnceOrStrictIncrease()
    {
        assertThat(funnel(10, "", new long[] {4}, new int[] {7}, 3)).isEqualTo(3);
        assertThat(funnel(10, "strict_once", new long[] {4}, new int[] {7}, 3)).isEqualTo(1);
        assertThat(funnel(10, "strict_increase", new long[] {4}, new int[] {7}, 3)).isEqualTo(1);
    }

    @Test
    void strictOnceUsesOtherRowsOfTheSameInstant()
    {
        // two identical rows at one instant, each true for steps 1 and 2: one can be step 1, the other step 2
        assertThat(funnel(10, "strict_once", new long[] {3, 3}, new int[] {3, 3}, 2)).isEqualTo(2);
        // a hundred identical rows true for all four steps fill the funnel without trying every chain
        long[] ts = new long[100];
        int[] bits = new int[100];
        java.util.Arrays.fill(bits, 15);
        assertThat(funnel(10, "strict_once", ts, bits, 4)).isEqualTo(4);
    }

    @Test
    void strictOrderStopsAtAnUnrelatedEventOrAStepOutOfOrder()
    {
        // PR 9773's examples: A D B C → 1 and A A B B D C C → 2 (conditions A, B, C)
        assertThat(funnel(86_400, "strict_order", new long[] {1, 2, 3, 4}, new int[] {1, 0, 2, 4}, 3)).isEqualTo(1);
        assertThat(funnel(86_400, "strict_order", new long[] {1, 2, 3, 4, 5, 6, 7}, new int[] {1, 1, 2, 2, 0, 4, 4}, 3)).isEqualTo(2);
        // a step whose predecessor is not reached stops the scan: A C B → 1
        assertThat(funnel(10, "strict_order", new long[] {1, 2, 3}, new int[] {1, 4, 2}, 3)).isEqualTo(1);
        // rows before the first step 1 are ignored
        assertThat(funnel(10, "strict_order", new long[] {1, 2, 3}, new int[] {0, 1, 2}, 2)).isEqualTo(2);
    }

    @Test
    void strictDeduplicationReturnsTheLevelReachedAtARepeat()
    {
        // ClickHouse issue 37177 (fixed by PR 99003): install start login install start … → 3, not 1
        long[] ts = {0, 5, 10, 15, 20, 25, 30, 35, 40};
        int[] bits = {1, 2, 4, 1, 2, 1, 2, 4, 8};
        assertThat(funnel(60, "strict_deduplication", ts, bits, 4)).isEqualTo(3);
        assertThat(funnel(60, "", ts, bits, 4)).isEqualTo(4);
    }

    @Test
    void emptyGroupIsNullAndRowsWithoutStepOneAreZero()
    {
        assertThat(new WindowFunnelAccumulator().result()).isNull();
        assertThat(funnel(10, "", new long[] {1, 2}, new int[] {0, 2}, 2)).isZero();
    }

    @Test
    void clockExtremesDoNotOverflow()
    {
        // a step 1 at the smallest BIGINT and a step 2 at the largest: 2^64 − 1 apart, beyond any window
        assertThat(funnel(Long.MAX_VALUE, "", new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, new int[] {1, 2}, 2)).isEqualTo(1);
        assertThat(funnel(Long.MAX_VALUE, "", new long[] {-1, Long.MAX_VALUE - 1}, new int[] {1, 2}, 2)).isEqualTo(2);
    }

    @Test
    void timestampsAreComparedInMicrosecondsAndBigintWindowsAreSeconds()
    {
        WindowFunnelAccumulator state = new WindowFunnelAccumulator();
        state.add(1, AmountType.BIGINT, 0, Clock.TIMESTAMP, 1, 2);
        state.add(1, AmountType.BIGINT, 1_000_000, Clock.TIMESTAMP, 2, 2);
        assertThat(state.result()).isEqualTo(2);
        WindowFunnelAccumulator late = new WindowFunnelAccumulator();
        late.add(1_000, AmountType.INTERVAL, 0, Clock.TIMESTAMP, 1, 2);
        late.add(1_000, AmountType.INTERVAL, 1_000_001, Clock.TIMESTAMP, 2, 2);
        assertThat(late.result()).isEqualTo(1);
    }

    @Test
    void badParametersAreRejected()
    {
        WindowFunnelAccumulator state = new WindowFunnelAccumulator();
        assertThatThrownBy(() -> state.add(1, AmountType.BIGINT, 0, Clock.BIGINT, 1, 33))
                .isInstanceOf(KpiException.class).hasMessage("window_funnel: steps has 33 elements; 1 to 32 are allowed");
        assertThatThrownBy(() -> state.add(1, AmountType.BIGINT, 0, Clock.BIGINT, 1, 1, "strict"))
                .hasMessage("window_funnel: mode 'strict' names 'strict', which ClickHouse renamed strict_deduplication; the modes are strict_deduplication, strict_order, strict_increase and strict_once");
        assertThatThrownBy(() -> state.add(1, AmountType.BIGINT, 0, Clock.BIGINT, 1, 1, "strict_order,"))
                .hasMessage("window_funnel: mode 'strict_order,' names an unknown mode ''; the modes are strict_deduplication, strict_order, strict_increase and strict_once, comma-separated");
        assertThatThrownBy(() -> new WindowFunnelAccumulator().add(Long.MAX_VALUE / 999, AmountType.INTERVAL, 0, Clock.TIMESTAMP, 1, 1))
                .isInstanceOf(KpiException.class).extracting(e -> ((KpiException) e).kind()).isEqualTo(KpiException.Kind.OVERFLOW);
        WindowFunnelAccumulator window = new WindowFunnelAccumulator();
        window.add(2, AmountType.BIGINT, 0, Clock.TIMESTAMP, 1, 1);
        assertThatThrownBy(() -> window.add(1, AmountType.BIGINT, 0, Clock.TIMESTAMP, 1, 1))
                .hasMessage("window_funnel: window must be constant within a group, got 1 s and 2 s");
        WindowFunnelAccumulator other = new WindowFunnelAccumulator();
        other.add(3, AmountType.BIGINT, 0, Clock.TIMESTAMP, 1, 1);
        assertThatThrownBy(() -> window.merge(other)).hasMessage("window_funnel: window must be constant within a group, got 2 s and 3 s");
    }

    @Test
    void randomGroupsAgreeWithTheDefinitionAndWithClickHousesAlgorithm()
    {
        Random random = new Random(15);
        for (int round = 0; round < 4_000; round++) {
            int steps = 1 + random.nextInt(5);
            int rows = 1 + random.nextInt(12);
            long window = random.nextInt(6);
            List<ClickHouseFunnelModel.Row> group = new ArrayList<>();
            long[] ts = new long[rows];
            int[] bits = new int[rows];
            for (int r = 0; r < rows; r++) {
                ts[r] = random.nextInt(8);
                // sparse flags: a row usually has one true step, sometimes several, sometimes none
                List<Boolean> flags = new ArrayList<>();
                for (int s = 0; s < steps; s++) {
                    boolean flag = random.nextInt(steps + 1) == 0;
                    flags.add(flag);
                    bits[r] |= flag ? 1 << s : 0;
                }
                group.add(new ClickHouseFunnelModel.Row(ts[r], flags));
            }
            assertThat(funnel(window, "", ts, bits, steps)).as("round %d, default mode against the definition", round).isEqualTo(definition(ts, bits, steps, window));
            int modes = random.nextInt(16);
            List<String> names = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                if ((modes & (1 << m)) != 0) {
                    names.add(MODE_NAMES[m]);
                }
            }
            String mode = String.join(", ", names);
            long expected = ClickHouseFunnelModel.level(group, window, (modes & 1) != 0, (modes & 2) != 0, (modes & 4) != 0, (modes & 8) != 0);
            assertThat(funnel(window, mode, ts, bits, steps)).as("round %d, mode '%s', %s", round, mode, group).isEqualTo(expected);
            // any arrival order, any split: the same answer
            List<Object[]> boxed = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                boxed.add(new Object[] {window, ts[r], group.get(r).steps(), mode});
            }
            Collections.shuffle(boxed, random);
            if (round % 20 == 0) {
                MergeCheck.assertSplitInvariant(WindowFunnelAccumulator::new, boxed, round, 0);
            }
        }
    }

    /** The contract's definition of the default mode: the largest k with a chain e1 … ek inside the window of e1. */
    private static long definition(long[] ts, int[] bits, int steps, long window)
    {
        long best = 0;
        for (int first = 0; first < ts.length; first++) {
            if ((bits[first] & 1) == 0) {
                continue;
            }
            long previous = ts[first];
            int level = 1;
            while (level < steps) {
                // the earliest event of the next step at or after the previous one, inside the window
                long next = Long.MAX_VALUE;
                for (int e = 0; e < ts.length; e++) {
                    if ((bits[e] & (1 << level)) != 0 && ts[e] >= previous && ts[e] <= ts[first] + window) {
                        next = Math.min(next, ts[e]);
                    }
                }
                if (next == Long.MAX_VALUE) {
                    break;
                }
                previous = next;
                level++;
            }
            best = Math.max(best, level);
        }
        return best;
    }
}

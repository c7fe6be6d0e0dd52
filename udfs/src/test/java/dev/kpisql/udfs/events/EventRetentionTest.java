package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code retention}: ClickHouse's definition written out as any(…) over the rows, for random groups. */
final class EventRetentionTest
{
    @Test
    void randomGroupsAgreeWithTheDefinition()
    {
        Random random = new Random(688);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(32);
            int rows = 1 + random.nextInt(20);
            boolean[] any = new boolean[n];
            List<Object[]> input = new ArrayList<>();
            EventRetentionAccumulator state = new EventRetentionAccumulator();
            for (int r = 0; r < rows; r++) {
                List<Boolean> flags = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int choice = random.nextInt(5);
                    Boolean flag = choice == 0 ? null : choice == 1;
                    flags.add(flag);
                    any[i] |= Boolean.TRUE.equals(flag);
                }
                input.add(new Object[] {flags});
                state.add(input.get(r));
            }
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(any[0] && any[i] ? 1L : 0L);
            }
            assertThat(state.result()).as("round %d", round).isEqualTo(expected);
            if (round % 40 == 0) {
                MergeCheck.assertSplitInvariant(EventRetentionAccumulator::new, input, round, 0);
            }
        }
    }

    @Test
    void thirtyTwoConditionsUseEveryBit()
    {
        EventRetentionAccumulator state = new EventRetentionAccumulator();
        state.add(1 | 1 << 31, 32);
        List<Long> result = state.result();
        assertThat(result).hasSize(32);
        assertThat(result.get(0)).isEqualTo(1L);
        assertThat(result.get(31)).isEqualTo(1L);
        assertThat(result.subList(1, 31)).containsOnly(0L);
        assertThat(EventRetention.element(state, 31)).isEqualTo(1);
    }

    @Test
    void lengthsAreCheckedAndAnEmptyGroupIsNull()
    {
        assertThat(new EventRetentionAccumulator().result()).isNull();
        assertThatThrownBy(() -> new EventRetentionAccumulator().add(0, 0)).isInstanceOf(KpiException.class)
                .hasMessage("retention: conditions has 0 elements; 1 to 32 are allowed");
        EventRetentionAccumulator state = new EventRetentionAccumulator();
        state.add(1, 2);
        EventRetentionAccumulator other = new EventRetentionAccumulator();
        other.add(1, 3);
        assertThatThrownBy(() -> state.merge(other)).hasMessage("retention: conditions must have the same length on every row of a group, got 2 and 3");
    }
}

package dev.kpisql.trino.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estimated size that Trino's memory accounting reads: a row only marks its group stale,
 * and the estimate measures stale groups again, so it always includes every value added so far.
 * The expected bytes follow {@link TestingDistinctValues}' own rule: 64 for the set, 64 plus two
 * per character for each distinct value.
 */
final class TestObjectStateSize
{
    @Test
    void singleStateCountsEveryChangeSinceTheLastEstimate()
    {
        TemplateDistinctState.Single state = new TemplateDistinctState.Single();
        long empty = state.getEstimatedSize();

        state.get().add("v" + "abc");
        state.changed();
        state.get().add("v" + "abcdefg");
        state.changed();
        assertThat(state.getEstimatedSize() - empty).isEqualTo(64 + (64 + 2 * 4) + (64 + 2 * 8));

        state.get().add("v" + "abc");
        state.changed();
        assertThat(state.getEstimatedSize() - empty).isEqualTo(64 + (64 + 2 * 4) + (64 + 2 * 8));
    }

    @Test
    void groupedStateMeasuresEachStaleGroupOnce()
    {
        TemplateDistinctState.Grouped state = new TemplateDistinctState.Grouped();
        state.ensureCapacity(3000);
        long arrays = state.getEstimatedSize();

        for (int group : new int[] {0, 2999, 0, 7}) {
            state.setGroupId(group);
            state.get().add("v" + group);
            state.changed();
        }
        long values = (64 + 64 + 2 * 2) + (64 + 64 + 2 * 5) + (64 + 64 + 2 * 2);
        assertThat(state.getEstimatedSize() - arrays).isEqualTo(values);

        // a group grows after its size was read; a group past the capacity is created on use
        state.setGroupId(7);
        state.get().add("v" + "seventy");
        state.changed();
        assertThat(state.getEstimatedSize() - arrays).isEqualTo(values + 64 + 2 * 8);

        state.setGroupId(5000);
        state.get();
        assertThat(state.getEstimatedSize()).isGreaterThan(arrays + values + 64 + 2 * 8 + 64);
    }
}

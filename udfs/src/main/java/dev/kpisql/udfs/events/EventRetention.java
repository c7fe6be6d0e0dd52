package dev.kpisql.udfs.events;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code retention(conditions)}, ClickHouse's {@code retention}: element 1 is 1 when condition 1
 * held on some row of the group; element i (i ≥ 2) is 1 when condition 1 and condition i each held
 * on some row — not necessarily the same row, in no particular order. The state is one OR of the
 * rows' condition bits, so merging is exact and order-free. An empty group answers NULL.
 */
public final class EventRetention
{
    public static final String FUNCTION = "retention";

    private EventRetention() {}

    /**
     * @param conditionBits bit {@code i} set when condition {@code i + 1} is true ({@link Conditions#mask})
     * @param conditionCount the array's length
     */
    public static void add(EventRetentionState state, int conditionBits, int conditionCount)
    {
        Conditions.checkLength(FUNCTION, "conditions", conditionCount);
        state.setConditionCount(Conditions.sameLength(FUNCTION, "conditions", (int) state.getConditionCount(), conditionCount));
        state.setConditionsMet(state.getConditionsMet() | (conditionBits & 0xffffffffL));
    }

    public static void merge(EventRetentionState state, EventRetentionState other)
    {
        if (other.getConditionCount() == 0) {
            return;
        }
        state.setConditionCount(Conditions.sameLength(FUNCTION, "conditions", (int) state.getConditionCount(), (int) other.getConditionCount()));
        state.setConditionsMet(state.getConditionsMet() | other.getConditionsMet());
    }

    /** The 0/1 elements, or null for an empty group. */
    public static List<Long> result(EventRetentionState state)
    {
        int count = (int) state.getConditionCount();
        if (count == 0) {
            return null;
        }
        long met = state.getConditionsMet();
        long first = met & 1;
        List<Long> answer = new ArrayList<>(count);
        answer.add(first);
        for (int i = 1; i < count; i++) {
            answer.add(first & (met >>> i));
        }
        return answer;
    }

    /** Element {@code index} (0-based) of the answer, for engines that write it element by element. */
    public static int element(EventRetentionState state, int index)
    {
        long met = state.getConditionsMet();
        return (int) ((met & 1) & (met >>> index));
    }
}

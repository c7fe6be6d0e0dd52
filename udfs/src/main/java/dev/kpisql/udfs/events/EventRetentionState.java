package dev.kpisql.udfs.events;

/**
 * The state of {@code retention(conditions)}: which conditions held on some row of the group, as
 * bits, and the conditions' count (0 before the first row, the empty group).
 */
public interface EventRetentionState
{
    long getConditionsMet();

    void setConditionsMet(long value);

    long getConditionCount();

    void setConditionCount(long value);
}

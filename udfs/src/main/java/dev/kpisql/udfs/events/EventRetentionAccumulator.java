package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiAccumulator;

import java.util.List;

/** The typed accumulator of {@code retention(conditions)}. Not thread-safe. */
public final class EventRetentionAccumulator
        implements EventRetentionState, KpiAccumulator
{
    private long conditionsMet;
    private long conditionCount;

    public void add(int conditionBits, int conditionCount)
    {
        EventRetention.add(this, conditionBits, conditionCount);
    }

    public void merge(EventRetentionAccumulator other)
    {
        EventRetention.merge(this, other);
    }

    @Override
    public List<Long> result()
    {
        return EventRetention.result(this);
    }

    /** Boxed: conditions (List of Boolean). */
    @Override
    public void add(Object... arguments)
    {
        List<?> flags = (List<?>) arguments[0];
        add(Conditions.mask(flags), flags.size());
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((EventRetentionAccumulator) other);
    }

    @Override
    public long getConditionsMet()
    {
        return conditionsMet;
    }

    @Override
    public void setConditionsMet(long value)
    {
        conditionsMet = value;
    }

    @Override
    public long getConditionCount()
    {
        return conditionCount;
    }

    @Override
    public void setConditionCount(long value)
    {
        conditionCount = value;
    }
}

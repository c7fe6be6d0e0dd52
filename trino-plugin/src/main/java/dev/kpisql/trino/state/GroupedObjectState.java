package dev.kpisql.trino.state;

import io.trino.spi.function.GroupedAccumulatorState;

import java.util.Arrays;

import static io.airlift.slice.SizeOf.instanceSize;
import static io.airlift.slice.SizeOf.sizeOf;
import static java.util.Objects.requireNonNull;

/**
 * The state of a grouped aggregation: one accumulator per group id, created on first use. The
 * estimated size is the arrays plus what every accumulator retains. {@link #set} and
 * {@link #changed} only note the group as stale; its size is measured again when Trino asks for
 * the estimate, once a page, so a row costs a flag test instead of a call into the
 * accumulator's {@code retainedBytes()} (a call site every object-state KPI shares, which the
 * JIT cannot keep monomorphic).
 */
public abstract class GroupedObjectState<T>
        implements KpiObjectState<T>, GroupedAccumulatorState
{
    private static final int INSTANCE_SIZE = instanceSize(GroupedObjectState.class);
    private static final int SEGMENT = 1024;

    private final ObjectCodec<T> codec;
    private Object[] values = new Object[0];
    private long[] retainedBytes = new long[0];
    private boolean[] stale = new boolean[0];
    /** The groups marked in {@link #stale}, each once. */
    private int[] staleGroups = new int[16];
    private int staleCount;
    private long totalRetainedBytes;
    private int groupId;

    protected GroupedObjectState(ObjectCodec<T> codec)
    {
        this.codec = requireNonNull(codec, "codec");
    }

    @Override
    public void setGroupId(int groupId)
    {
        this.groupId = groupId;
    }

    /**
     * Grows the arrays in whole segments of {@value #SEGMENT} groups, always past {@code size},
     * like Trino's own big arrays. {@link #get} and {@link #set} also grow to the current group,
     * so a group that was never announced (Trino's aggregation test harness evaluates group 0
     * of an aggregator that saw no rows) reads as an empty accumulator instead of failing.
     */
    @Override
    public void ensureCapacity(int size)
    {
        if (size >= values.length) {
            long wanted = Math.max(size + 1L, values.length * 2L);
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (wanted + SEGMENT - 1) / SEGMENT * SEGMENT);
            values = Arrays.copyOf(values, capacity);
            retainedBytes = Arrays.copyOf(retainedBytes, capacity);
            stale = Arrays.copyOf(stale, capacity);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get()
    {
        ensureCapacity(groupId);
        Object value = values[groupId];
        if (value == null) {
            T created = codec.create().get();
            set(created);
            return created;
        }
        return (T) value;
    }

    @Override
    public void set(T value)
    {
        ensureCapacity(groupId);
        values[groupId] = requireNonNull(value, "value");
        changed();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void changed()
    {
        ensureCapacity(groupId);
        if (!stale[groupId]) {
            stale[groupId] = true;
            if (staleCount == staleGroups.length) {
                staleGroups = Arrays.copyOf(staleGroups, staleCount * 2);
            }
            staleGroups[staleCount++] = groupId;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public long getEstimatedSize()
    {
        for (int i = 0; i < staleCount; i++) {
            int group = staleGroups[i];
            Object value = values[group];
            long bytes = value == null ? 0 : codec.retainedBytes().applyAsLong((T) value);
            totalRetainedBytes += bytes - retainedBytes[group];
            retainedBytes[group] = bytes;
            stale[group] = false;
        }
        staleCount = 0;
        return INSTANCE_SIZE + sizeOf(values) + sizeOf(retainedBytes) + sizeOf(stale) + sizeOf(staleGroups) + totalRetainedBytes;
    }
}

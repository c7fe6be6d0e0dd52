package dev.kpisql.trino.state;

import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/**
 * The state of a global aggregation (no GROUP BY): one accumulator. {@link #changed} only
 * marks the size stale; it is measured when Trino asks for it, once a page, so a row costs no
 * call into the accumulator's {@code retainedBytes()} (a call site every object-state KPI
 * shares, which the JIT cannot keep monomorphic).
 */
public abstract class SingleObjectState<T>
        implements KpiObjectState<T>
{
    private static final int INSTANCE_SIZE = instanceSize(SingleObjectState.class);

    private final ObjectCodec<T> codec;
    private T value;
    private long retainedBytes;
    private boolean stale;

    protected SingleObjectState(ObjectCodec<T> codec)
    {
        this.codec = requireNonNull(codec, "codec");
    }

    @Override
    public T get()
    {
        if (value == null) {
            set(codec.create().get());
        }
        return value;
    }

    @Override
    public void set(T value)
    {
        this.value = requireNonNull(value, "value");
        changed();
    }

    @Override
    public void changed()
    {
        stale = true;
    }

    @Override
    public long getEstimatedSize()
    {
        if (stale) {
            retainedBytes = value == null ? 0 : codec.retainedBytes().applyAsLong(value);
            stale = false;
        }
        return INSTANCE_SIZE + retainedBytes;
    }
}

package dev.kpisql.trino.state;

import static io.airlift.slice.SizeOf.instanceSize;
import static java.util.Objects.requireNonNull;

/** The state of a global aggregation (no GROUP BY): one accumulator. */
public abstract class SingleObjectState<T>
        implements KpiObjectState<T>
{
    private static final int INSTANCE_SIZE = instanceSize(SingleObjectState.class);

    private final ObjectCodec<T> codec;
    private T value;
    private long retainedBytes;

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
        retainedBytes = value == null ? 0 : codec.retainedBytes().applyAsLong(value);
    }

    @Override
    public long getEstimatedSize()
    {
        return INSTANCE_SIZE + retainedBytes;
    }
}

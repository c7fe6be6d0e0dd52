package dev.kpisql.trino.state;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.function.AccumulatorStateSerializer;
import io.trino.spi.type.Type;

import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static java.util.Objects.requireNonNull;

/**
 * Moves an object state between the partial and the final aggregation as VARBINARY, in the core
 * accumulator's own versioned binary form. {@link #deserialize} replaces whatever the target
 * state held: Trino reuses states, so merging into it would count rows twice.
 */
public abstract class ObjectStateSerializer<T, S extends KpiObjectState<T>>
        implements AccumulatorStateSerializer<S>
{
    private final ObjectCodec<T> codec;

    protected ObjectStateSerializer(ObjectCodec<T> codec)
    {
        this.codec = requireNonNull(codec, "codec");
    }

    @Override
    public Type getSerializedType()
    {
        return VARBINARY;
    }

    @Override
    public void serialize(S state, BlockBuilder out)
    {
        VARBINARY.writeSlice(out, Slices.wrappedBuffer(codec.serialize().apply(state.get())));
    }

    @Override
    public void deserialize(Block block, int index, S state)
    {
        Slice slice = VARBINARY.getSlice(block, index);
        state.set(codec.deserialize().apply(slice.getBytes()));
    }
}

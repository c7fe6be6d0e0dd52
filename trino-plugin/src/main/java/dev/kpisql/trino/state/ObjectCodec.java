package dev.kpisql.trino.state;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static java.util.Objects.requireNonNull;

/**
 * What Trino needs to know of a core accumulator that is an object (a set of ids, a sketch):
 * how to make an empty one, how much memory it retains, and its versioned binary form. Each
 * object-state function declares one, from the core class's methods, e.g.
 * {@code new ObjectCodec<>(DistinctUsers::new, DistinctUsers::retainedBytes, DistinctUsers::serialize, DistinctUsers::deserialize)}.
 */
public record ObjectCodec<T>(
        Supplier<T> create,
        ToLongFunction<T> retainedBytes,
        Function<T, byte[]> serialize,
        Function<byte[], T> deserialize)
{
    public ObjectCodec
    {
        requireNonNull(create, "create");
        requireNonNull(retainedBytes, "retainedBytes");
        requireNonNull(serialize, "serialize");
        requireNonNull(deserialize, "deserialize");
    }
}

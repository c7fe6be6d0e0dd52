package dev.kpisql.trino.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * A stand-in for a core accumulator over distinct values, shaped as the architecture describes
 * them (mutable, mergeable, {@code retainedBytes()}, a versioned binary form), until the core
 * has one. The set holds ids as strings: "v" + text for VARCHAR, "b" + number for BIGINT.
 */
final class TestingDistinctValues
{
    private static final byte VERSION = 1;

    private final Set<String> values = new HashSet<>();
    private long retainedBytes = 64;

    void add(String value)
    {
        if (values.add(value)) {
            retainedBytes += 64 + 2L * value.length();
        }
    }

    void merge(TestingDistinctValues other)
    {
        other.values.forEach(this::add);
    }

    /** The number of distinct values, or NULL for none. */
    Double result()
    {
        return values.isEmpty() ? null : (double) values.size();
    }

    long retainedBytes()
    {
        return retainedBytes;
    }

    byte[] serialize()
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(values.size());
            for (String value : values) {
                out.writeUTF(value);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TestingDistinctValues deserialize(byte[] bytes)
    {
        TestingDistinctValues result = new TestingDistinctValues();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown version " + version);
            }
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                result.add(in.readUTF());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}

package dev.kpisql.udfs.distinct;

import java.util.Arrays;

/** A growing big-endian byte buffer for the serialized states of this package. */
public final class SerialWriter
{
    private byte[] buffer;
    private int size;

    public SerialWriter()
    {
        this(64);
    }

    /** A writer whose buffer holds {@code capacity} bytes before it grows: a state that knows its size writes it without copying. */
    public SerialWriter(int capacity)
    {
        buffer = new byte[capacity];
    }

    public SerialWriter putByte(int value)
    {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public SerialWriter putInt(int value)
    {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public SerialWriter putLong(long value)
    {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public SerialWriter putDouble(double value)
    {
        return putLong(Double.doubleToRawLongBits(value));
    }

    public SerialWriter putBytes(byte[] bytes, int offset, int length)
    {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** The bytes written: the buffer itself when they fill it, else a copy. */
    public byte[] toByteArray()
    {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    private void ensure(int bytes)
    {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }
}

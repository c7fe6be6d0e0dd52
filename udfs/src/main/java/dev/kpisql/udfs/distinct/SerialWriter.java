package dev.kpisql.udfs.distinct;

import java.util.Arrays;

/** A growing big-endian byte buffer for the serialized states of this package. */
public final class SerialWriter
{
    private byte[] buffer = new byte[64];
    private int size;

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

    public byte[] toByteArray()
    {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int bytes)
    {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }
}

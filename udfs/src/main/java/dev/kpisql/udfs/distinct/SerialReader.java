package dev.kpisql.udfs.distinct;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads what {@link SerialWriter} wrote. Truncated or malformed input is an
 * {@link IllegalArgumentException}, never an out-of-memory or an index error.
 */
public final class SerialReader
{
    private final ByteBuffer buffer;

    private SerialReader(byte[] bytes)
    {
        this.buffer = ByteBuffer.wrap(bytes);
    }

    /**
     * Opens a serialized state of {@code what} and checks its leading version byte.
     */
    public static SerialReader open(byte[] bytes, String what, int version)
    {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("serialized " + what + " state is empty");
        }
        if (bytes[0] != version) {
            throw new IllegalArgumentException("serialized " + what + " state has unknown version " + (bytes[0] & 0xFF) + ", expected " + version);
        }
        SerialReader reader = new SerialReader(bytes);
        reader.buffer.get();
        return reader;
    }

    public byte getByte()
    {
        try {
            return buffer.get();
        }
        catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public int getInt()
    {
        try {
            return buffer.getInt();
        }
        catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public long getLong()
    {
        try {
            return buffer.getLong();
        }
        catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public double getDouble()
    {
        return Double.longBitsToDouble(getLong());
    }

    /** A non-negative count of items of at least {@code bytesPerItem} bytes each that must still fit in the input. */
    public int getCount(int bytesPerItem)
    {
        int count = getInt();
        if (count < 0 || (long) count * bytesPerItem > buffer.remaining()) {
            throw new IllegalArgumentException("corrupt serialized state: count " + count + " does not fit in the remaining " + buffer.remaining() + " bytes");
        }
        return count;
    }

    public byte[] getBytes(int length)
    {
        if (length < 0 || length > buffer.remaining()) {
            throw truncated();
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    /** Fails when bytes are left over after a complete state. */
    public void expectEnd()
    {
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException("corrupt serialized state: " + buffer.remaining() + " unexpected trailing bytes");
        }
    }

    private static IllegalArgumentException truncated()
    {
        return new IllegalArgumentException("corrupt serialized state: truncated");
    }
}

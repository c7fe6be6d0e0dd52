package dev.kpisql.calcite.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes {@code [start, end)} of a file, read with positional reads of a channel of its own. */
final class RangeInputStream
        extends InputStream
{
    private final FileChannel channel;
    private final long end;
    private long position;

    RangeInputStream(Path file, long start, long end)
            throws IOException
    {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.position = start;
        this.end = end;
    }

    @Override
    public int read(byte[] buffer, int offset, int length)
            throws IOException
    {
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        int read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (read < 0) {
            // the file was cut short while being read
            return -1;
        }
        position += read;
        return read;
    }

    @Override
    public int read()
            throws IOException
    {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close()
            throws IOException
    {
        channel.close();
    }
}

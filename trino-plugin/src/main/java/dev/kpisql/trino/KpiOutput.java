package dev.kpisql.trino;

import io.trino.spi.block.BlockBuilder;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;

/** Writes the core's answers into Trino's output blocks; the core's {@code null} is SQL NULL. */
public final class KpiOutput
{
    private KpiOutput() {}

    public static void writeDouble(BlockBuilder out, Double value)
    {
        if (value == null) {
            out.appendNull();
        }
        else {
            DOUBLE.writeDouble(out, value);
        }
    }

    public static void writeBigint(BlockBuilder out, Long value)
    {
        if (value == null) {
            out.appendNull();
        }
        else {
            BIGINT.writeLong(out, value);
        }
    }

    public static void writeBoolean(BlockBuilder out, Boolean value)
    {
        if (value == null) {
            out.appendNull();
        }
        else {
            BOOLEAN.writeBoolean(out, value);
        }
    }
}

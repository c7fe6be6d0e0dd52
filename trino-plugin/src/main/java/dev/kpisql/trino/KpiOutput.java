package dev.kpisql.trino;

import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.RowField;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.RowBlockBuilder;
import io.trino.spi.block.RowValueBuilder;
import io.trino.spi.block.SqlRow;
import io.trino.spi.type.RowType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;

/** Writes the core's answers into Trino's output blocks; the core's {@code null} is SQL NULL. */
public final class KpiOutput
{
    private KpiOutput() {}

    /**
     * Writes a ROW answer, the core's map of field to value in the catalog's field order, as one
     * entry of a row block: a null map is a NULL row, a null value a NULL field.
     */
    public static void writeRow(BlockBuilder out, Map<String, Object> row)
    {
        if (row == null) {
            out.appendNull();
        }
        else {
            ((RowBlockBuilder) out).buildEntry(fields -> writeFields(fields, row));
        }
    }

    /** A ROW answer as the value a scalar returns, or null for NULL. */
    public static SqlRow rowValue(RowType type, Map<String, Object> row)
    {
        return row == null ? null : RowValueBuilder.buildRowValue(type, fields -> writeFields(fields, row));
    }

    /** The Trino type of a catalog function's ROW result, e.g. {@code row(rate double, lower double, upper double)}. */
    public static RowType rowType(String function)
    {
        List<RowType.Field> fields = new ArrayList<>();
        for (RowField field : Catalog.function(function).orElseThrow().fields()) {
            fields.add(new RowType.Field(Optional.of(field.name()), field.type() == dev.kpisql.udfs.catalog.SqlType.BIGINT ? BIGINT : DOUBLE));
        }
        return RowType.from(fields);
    }

    private static void writeFields(List<BlockBuilder> fields, Map<String, Object> row)
    {
        int i = 0;
        for (Object value : row.values()) {
            BlockBuilder field = fields.get(i++);
            if (value == null) {
                field.appendNull();
            }
            else if (value instanceof Long count) {
                BIGINT.writeLong(field, count);
            }
            else {
                DOUBLE.writeDouble(field, (Double) value);
            }
        }
    }

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

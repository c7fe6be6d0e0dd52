package dev.kpisql.calcite.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A CSV file (or a gzipped one) as a table. The first record names the columns; the types are
 * inferred from the first {@value #INFERENCE_ROWS} rows (an empty field is NULL and does not
 * count); a later value that does not fit its column's type is an error naming the file, the
 * line, the column and the value — never a silent NULL. Each scan streams the file again, so a
 * table is as large as the disk allows.
 */
public final class CsvTable
        extends AbstractTable
        implements ScannableTable
{
    /** How many data rows decide the column types. */
    public static final int INFERENCE_ROWS = 10_000;

    private final Path file;
    private final List<String> columnNames;
    private final List<CsvType> columnTypes;

    private CsvTable(Path file, List<String> columnNames, List<CsvType> columnTypes)
    {
        this.file = file;
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
    }

    /** Reads the header and the first {@value #INFERENCE_ROWS} rows of {@code file}. */
    public static CsvTable of(Path file)
    {
        String name = file.getFileName().toString();
        try (CsvReader<CsvRecord> reader = open(file); CloseableIterator<CsvRecord> records = reader.iterator()) {
            if (!records.hasNext()) {
                throw new CsvException(name + ": the file is empty; the first line must name the columns");
            }
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String field : records.next().getFields()) {
                String column = field.strip();
                if (column.isEmpty()) {
                    throw new CsvException(name + ": line 1: column " + (names.size() + 1) + " has no name");
                }
                if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                    throw new CsvException(name + ": line 1: column '" + column + "' appears twice");
                }
                names.add(column);
            }
            CsvType[] types = new CsvType[names.size()];
            for (int row = 0; row < INFERENCE_ROWS && records.hasNext(); row++) {
                CsvRecord record = records.next();
                checkFieldCount(name, record, names.size());
                for (int c = 0; c < types.length; c++) {
                    String field = record.getField(c);
                    if (!field.isEmpty()) {
                        CsvType type = CsvType.of(field);
                        types[c] = types[c] == null ? type : types[c].widen(type);
                    }
                }
            }
            List<CsvType> columnTypes = new ArrayList<>();
            for (CsvType type : types) {
                columnTypes.add(type == null ? CsvType.VARCHAR : type);
            }
            return new CsvTable(file, names, columnTypes);
        }
        catch (IOException e) {
            throw new CsvException(name + ": " + e.getMessage(), e);
        }
        catch (CsvParseException e) {
            throw new CsvException(name + ": " + e.getMessage(), e);
        }
        catch (UncheckedIOException e) {
            throw new CsvException(name + ": " + e.getCause().getMessage(), e);
        }
    }

    public Path file()
    {
        return file;
    }

    public List<String> columnNames()
    {
        return columnNames;
    }

    public List<SqlTypeName> columnTypes()
    {
        return columnTypes.stream().map(CsvType::sqlType).toList();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory)
    {
        RelDataTypeFactory.Builder row = typeFactory.builder();
        for (int c = 0; c < columnNames.size(); c++) {
            SqlTypeName type = columnTypes.get(c).sqlType();
            RelDataType relType = type == SqlTypeName.TIMESTAMP ? typeFactory.createSqlType(type, 3) : typeFactory.createSqlType(type);
            row.add(columnNames.get(c), typeFactory.createTypeWithNullability(relType, true));
        }
        return row.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root)
    {
        return new AbstractEnumerable<>()
        {
            @Override
            public Enumerator<Object[]> enumerator()
            {
                return new RowEnumerator();
            }
        };
    }

    private static CsvReader<CsvRecord> open(Path file)
            throws IOException
    {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
    }

    private static void checkFieldCount(String name, CsvRecord record, int columns)
    {
        if (record.getFieldCount() != columns) {
            throw new CsvException(name + ": line " + record.getStartingLineNumber() + " has " + record.getFieldCount()
                    + (record.getFieldCount() == 1 ? " field" : " fields") + ", the header has " + columns);
        }
    }

    /** Streams the rows of one scan, parsing each field into its column's type. */
    private final class RowEnumerator
            implements Enumerator<Object[]>
    {
        private final String name = file.getFileName().toString();
        private CsvReader<CsvRecord> reader;
        private CloseableIterator<CsvRecord> records;
        private Object[] current;

        RowEnumerator()
        {
            reset();
        }

        @Override
        public Object[] current()
        {
            return current;
        }

        @Override
        public boolean moveNext()
        {
            try {
                if (!records.hasNext()) {
                    return false;
                }
                CsvRecord record = records.next();
                checkFieldCount(name, record, columnTypes.size());
                Object[] row = new Object[columnTypes.size()];
                for (int c = 0; c < row.length; c++) {
                    String field = record.getField(c);
                    if (field.isEmpty()) {
                        continue;
                    }
                    CsvType type = columnTypes.get(c);
                    Object value = type.parse(field);
                    if (value == null) {
                        throw new CsvException(name + ": line " + record.getStartingLineNumber() + ", column '" + columnNames.get(c) + "': '" + field + "' is not a " + type);
                    }
                    row[c] = value;
                }
                current = row;
                return true;
            }
            catch (CsvParseException e) {
                throw new CsvException(name + ": " + e.getMessage(), e);
            }
            catch (UncheckedIOException e) {
                throw new CsvException(name + ": " + e.getCause().getMessage(), e);
            }
        }

        @Override
        public void reset()
        {
            close();
            try {
                reader = open(file);
                records = reader.iterator();
                if (records.hasNext()) {
                    records.next();
                }
            }
            catch (IOException e) {
                throw new CsvException(name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close()
        {
            try {
                if (records != null) {
                    records.close();
                }
                if (reader != null) {
                    reader.close();
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            records = null;
            reader = null;
        }
    }
}

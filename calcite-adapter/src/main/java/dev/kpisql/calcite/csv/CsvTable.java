package dev.kpisql.calcite.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.kpisql.calcite.parallel.CsvTableScan;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * A CSV file (or a gzipped one) as a table. The first record names the columns; the types are
 * inferred from the first {@value #INFERENCE_ROWS} rows (an empty field is NULL and does not
 * count); a later value that does not fit its column's type is an error naming the file, the
 * line, the column and the value — never a silent NULL.
 *
 * <p>A scan reads the file on every core ({@link CsvScan}): a plain file is split into byte
 * ranges at line breaks, each parsed into columns by one thread, with the same rows, errors and
 * line numbers as a read from start to end. The parsed columns may be kept for the next scan
 * ({@link ColumnCache}) while the file stays as it is; a file too large for the cache is read
 * again on every scan, so a table is as large as the disk allows.
 *
 * <p>An empty line is a row of one NULL in a one-column file, where it is the only way to write
 * NULL, and is skipped in a wider file, where it cannot be a row. Dropping it in a one-column
 * file would change {@code count(*)} without a word.
 *
 * <p>In a query, the table is a {@link CsvTableScan}, through which the planner can push an
 * aggregation into the scan (see {@code dev.kpisql.calcite.parallel}).
 */
public final class CsvTable
        extends AbstractTable
        implements ScannableTable, TranslatableTable
{
    /**
     * How many data rows decide the column types: enough to meet the odd value of a column,
     * few enough that opening a table of any size costs milliseconds. A value after them that
     * does not fit fails the scan that meets it.
     */
    public static final int INFERENCE_ROWS = 10_000;

    /**
     * The header and the inferred types, read once; {@code headerLine} is the line the header
     * starts on, {@code charsPerRow} the sample's average record length, and
     * {@code lineBreaksInSample} whether a quoted field of the sample spans lines.
     */
    record Columns(List<String> names, List<CsvType> types, long headerLine, double charsPerRow, boolean lineBreaksInSample) {}

    private final Path file;
    private final CsvOptions options;
    private final ColumnCache cache;
    private volatile Columns columns;
    /** Set when a split read found a range that began inside a quoted field: later reads go from start to end. */
    private volatile boolean lineBreaksFound;

    private CsvTable(Path file, CsvOptions options, ColumnCache cache)
    {
        this.file = file;
        this.options = options;
        this.cache = cache;
    }

    /** Reads the header and the first {@value #INFERENCE_ROWS} rows of {@code file} now; the options are the defaults. */
    public static CsvTable of(Path file)
    {
        return of(file, CsvOptions.defaults());
    }

    /** Reads the header and the first {@value #INFERENCE_ROWS} rows of {@code file} now. */
    public static CsvTable of(Path file, CsvOptions options)
    {
        CsvTable table = new CsvTable(file, options, new ColumnCache());
        table.columns();
        return table;
    }

    /**
     * A table that reads {@code file} when first asked for its columns, so that a directory
     * with a broken file still answers queries over the others. A failed read is not
     * remembered: the next query tries again, perhaps after the file was mended.
     */
    static CsvTable lazy(Path file, CsvOptions options, ColumnCache cache)
    {
        return new CsvTable(file, options, cache);
    }

    public Path file()
    {
        return file;
    }

    public CsvOptions options()
    {
        return options;
    }

    ColumnCache cache()
    {
        return cache;
    }

    public List<String> columnNames()
    {
        return columns().names();
    }

    public List<SqlTypeName> columnTypes()
    {
        return columns().types().stream().map(CsvType::sqlType).toList();
    }

    Columns columns()
    {
        Columns read = columns;
        if (read == null) {
            synchronized (this) {
                read = columns;
                if (read == null) {
                    read = inferColumns(file);
                    columns = read;
                }
            }
        }
        return read;
    }

    private static Columns inferColumns(Path file)
    {
        String name = file.getFileName().toString();
        try (CsvReader<CsvRecord> reader = open(file); CloseableIterator<CsvRecord> records = reader.iterator()) {
            CsvRecord header = header(records);
            if (header == null) {
                throw new CsvException(name + ": the file is empty; the first line must name the columns");
            }
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String where = name + ": line " + header.getStartingLineNumber();
            for (String field : header.getFields()) {
                String column = field.strip();
                if (column.isEmpty()) {
                    throw new CsvException(where + ": column " + (names.size() + 1) + " has no name");
                }
                if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                    throw new CsvException(where + ": column '" + column + "' appears twice");
                }
                names.add(column);
            }
            boolean lineBreaks = hasLineBreak(header);
            CsvType[] types = new CsvType[names.size()];
            int rows = 0;
            long chars = 0;
            while (rows < INFERENCE_ROWS && records.hasNext()) {
                CsvRecord record = records.next();
                if (types.length > 1 && isEmptyLine(record)) {
                    continue;
                }
                rows++;
                checkFieldCount(name, record, names.size());
                lineBreaks |= hasLineBreak(record);
                chars += record.getFieldCount();
                for (int c = 0; c < types.length; c++) {
                    String field = record.getField(c);
                    chars += field.length();
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
            double charsPerRow = rows == 0 ? 64 : Math.max(2, (double) chars / rows);
            return new Columns(List.copyOf(names), List.copyOf(columnTypes), header.getStartingLineNumber(), charsPerRow, lineBreaks);
        }
        catch (IOException e) {
            throw unreadable(file, e);
        }
        catch (UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        }
        catch (CsvParseException e) {
            throw new CsvException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory)
    {
        Columns columns = columns();
        RelDataTypeFactory.Builder row = typeFactory.builder();
        for (int c = 0; c < columns.names().size(); c++) {
            SqlTypeName type = columns.types().get(c).sqlType();
            RelDataType relType = type == SqlTypeName.TIMESTAMP ? typeFactory.createSqlType(type, 3) : typeFactory.createSqlType(type);
            row.add(columns.names().get(c), typeFactory.createTypeWithNullability(relType, true));
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
                return new CsvScan(CsvTable.this, options.threads()).rows();
            }
        };
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable)
    {
        return CsvTableScan.create(context.getCluster(), relOptTable, this);
    }

    /**
     * Hands every row of the table to sinks, slice by slice, on up to {@code threads} threads,
     * each thread with a sink of its own from {@code sinks}; the sinks that took part. Slices
     * come in no particular order (on one thread: in file order); the row ordinal passed with
     * each grows with the rows' position in the file. When a row does not fit the table or a
     * sink throws, the error of the earliest such row in the file is thrown, as a read from start
     * to end would meet it.
     */
    public <S extends BatchSink> List<S> forEachBatch(Supplier<S> sinks, int threads)
    {
        return new CsvScan(this, threads).forEachBatch(sinks);
    }

    /** Whether the file is read from start to end by one thread: gzipped, or with line breaks inside quoted fields. */
    boolean sequentialOnly()
    {
        return file.getFileName().toString().endsWith(".gz") || columns().lineBreaksInSample() || lineBreaksFound;
    }

    /** Remembers that a quoted field with a line break made a split read impossible. */
    void lineBreaksFound()
    {
        lineBreaksFound = true;
    }

    static InputStream openStream(Path file)
            throws IOException
    {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    private static CsvReader<CsvRecord> open(Path file)
            throws IOException
    {
        InputStream in = openStream(file);
        // the parser accepts any field count because checkFieldCount names the file and both
        // counts; empty lines reach this class (see above); a byte-order mark, as spreadsheets
        // write it, would otherwise stick to the first column name
        return CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
    }

    /** The first record that is not an empty line, or null when there is none. */
    private static CsvRecord header(CloseableIterator<CsvRecord> records)
    {
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (!isEmptyLine(record)) {
                return record;
            }
        }
        return null;
    }

    private static boolean hasLineBreak(CsvRecord record)
    {
        for (String field : record.getFields()) {
            if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** An empty line, or a line holding only {@code ""}, which the parser reads the same way. */
    private static boolean isEmptyLine(CsvRecord record)
    {
        return record.getFieldCount() == 1 && record.getField(0).isEmpty();
    }

    static CsvException unreadable(Path file, IOException e)
    {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
        return new CsvException(file.getFileName() + ": cannot read " + file + ": " + reason, e);
    }

    private static void checkFieldCount(String name, CsvRecord record, int columns)
    {
        if (record.getFieldCount() != columns) {
            throw new CsvException(name + ": line " + record.getStartingLineNumber() + " has " + record.getFieldCount()
                    + (record.getFieldCount() == 1 ? " field" : " fields") + ", the header has " + columns);
        }
    }
}

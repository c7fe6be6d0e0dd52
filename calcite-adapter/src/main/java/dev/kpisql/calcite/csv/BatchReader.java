package dev.kpisql.calcite.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads CSV records into a {@link ColumnBatch}: FastCSV finds the fields, and each field is
 * parsed from FastCSV's character buffer straight into its column's primitive array, without a
 * {@code String} per field (a VARCHAR value is one, shared by equal values that follow each
 * other closely). A reader reads a whole file, or one byte range of it that starts at a record;
 * only a reader that starts at the beginning of the file sees the byte-order mark and the header.
 *
 * <p>A record that does not fit the table is a {@link CsvLineException} whose line is counted
 * from where this reader started: the rows before it are in the batch. The rules are the table's
 * (see {@link CsvTable}): an empty line is a NULL row in a one-column file and skipped in a
 * wider one, a record must have as many fields as the header, an empty field is NULL, and a value
 * must fit its column's type.
 */
final class BatchReader
        implements Closeable
{
    /** FastCSV's record: the reader keeps the values in the batch instead. */
    private static final Object RECORD = new Object();
    /** Slots of the per-column table of recent strings; a power of two. */
    private static final int RECENT_STRINGS = 1024;
    /** Longer values are not looked up among the recent ones: they rarely repeat. */
    private static final int MAX_SHARED_LENGTH = 48;

    private final String name;
    private final List<String> names;
    private final CsvType[] types;
    private final Fields fields = new Fields();
    private final CsvReader<Object> reader;
    private final CloseableIterator<Object> records;
    private final String[][] recentStrings;
    private boolean headerPending;
    private boolean lastRecordHadLineBreak;

    /**
     * @param fileStart whether {@code in} starts at the beginning of the file: then a byte-order
     * mark is skipped and so is the header, the first record that is not an empty line
     */
    BatchReader(String name, List<String> names, List<CsvType> types, InputStream in, boolean fileStart)
    {
        this.name = name;
        this.names = names;
        this.types = types.toArray(new CsvType[0]);
        this.headerPending = fileStart;
        recentStrings = new String[this.types.length][];
        for (int c = 0; c < this.types.length; c++) {
            if (this.types[c] == CsvType.VARCHAR) {
                recentStrings[c] = new String[RECENT_STRINGS];
            }
        }
        // as CsvTable.open: any field count reaches the checks here, empty lines too
        reader = CsvReader.builder()
                .detectBomHeader(fileStart)
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(fields, in, StandardCharsets.UTF_8);
        records = reader.iterator();
    }

    /**
     * Appends up to {@code limit} rows to {@code batch}; the number appended, 0 at the end of
     * the input.
     *
     * @throws CsvLineException for a record that does not fit, after the rows before it
     * @throws java.io.UncheckedIOException when the input cannot be read
     */
    int read(ColumnBatch batch, int limit)
    {
        fields.batch = batch;
        int read = 0;
        while (read < limit) {
            batch.ensureRoomForOneMore();
            fields.row = batch.rows();
            try {
                if (!records.hasNext()) {
                    break;
                }
                records.next();
            }
            catch (CsvParseException e) {
                lastRecordHadLineBreak = fields.lineBreak;
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                if (cause != null && !(cause instanceof CsvParseException)) {
                    throw new IllegalStateException(name + ": " + e.getMessage(), cause);
                }
                // FastCSV's own words, as a sequential read of the whole file has them
                throw new CsvLineException(fields.line, name + ": Exception when reading record that started in line ", "", e);
            }
            if (accept(batch)) {
                batch.commitRow();
                read++;
            }
        }
        return read;
    }

    /**
     * Whether the last record read (or the one that failed) had a quoted field with a line
     * break. A reader of a byte range that ends inside a quoted field sees such a record last:
     * then the range did not end at a record, and whoever split the file must read it again.
     */
    boolean lastRecordHadLineBreak()
    {
        return lastRecordHadLineBreak;
    }

    /** Whether the record just parsed is a row of the table; throws when it does not fit. */
    private boolean accept(ColumnBatch batch)
    {
        lastRecordHadLineBreak = fields.lineBreak;
        int count = fields.count;
        boolean emptyLine = fields.empty || (count == 1 && fields.firstFieldEmpty);
        if (headerPending) {
            headerPending = emptyLine;
            return false;
        }
        if (emptyLine) {
            if (types.length > 1) {
                return false;
            }
            batch.column(0).setNull(fields.row);
            return true;
        }
        if (count != types.length) {
            throw new CsvLineException(fields.line, name + ": line ",
                    " has " + count + (count == 1 ? " field" : " fields") + ", the header has " + types.length, null);
        }
        if (fields.badColumn >= 0) {
            int c = fields.badColumn;
            throw new CsvLineException(fields.line, name + ": line ",
                    ", column '" + names.get(c) + "': '" + fields.badText + "' is not a " + types[c], null);
        }
        return true;
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            records.close();
        }
        finally {
            reader.close();
        }
    }

    /** FastCSV's callbacks: each field is parsed into the batch's row as it arrives. */
    private final class Fields
            extends CsvCallbackHandler<Object>
    {
        ColumnBatch batch;
        int row;
        long line;
        int count;
        boolean empty;
        boolean firstFieldEmpty;
        boolean lineBreak;
        int badColumn;
        String badText;

        @Override
        protected RecordType getRecordType()
        {
            return empty ? RecordType.EMPTY : RecordType.DATA;
        }

        @Override
        protected int getFieldCount()
        {
            return count;
        }

        @Override
        protected void beginRecord(long startingLineNumber)
        {
            line = startingLineNumber;
            count = 0;
            empty = false;
            firstFieldEmpty = false;
            lineBreak = false;
            badColumn = -1;
            badText = null;
        }

        @Override
        protected void addField(char[] buffer, int offset, int length, boolean quoted)
        {
            int c = count++;
            if (quoted && !lineBreak) {
                for (int i = offset; i < offset + length; i++) {
                    if (buffer[i] == '\n' || buffer[i] == '\r') {
                        lineBreak = true;
                        break;
                    }
                }
            }
            if (c == 0) {
                firstFieldEmpty = length == 0;
            }
            if (c >= types.length) {
                return;
            }
            Column column = batch.column(c);
            if (length == 0) {
                column.setNull(row);
                return;
            }
            column.setNotNull(row);
            CsvType type = types[c];
            if (type == CsvType.VARCHAR) {
                string(column, recentStrings[c], buffer, offset, length);
            }
            else if (!type.parseInto(buffer, offset, length, column, row) && badColumn < 0) {
                badColumn = c;
                badText = new String(buffer, offset, length);
            }
        }

        /** Stores the value, sharing the String of an equal value seen shortly before. */
        private void string(Column column, String[] recent, char[] buffer, int offset, int length)
        {
            if (length > MAX_SHARED_LENGTH) {
                column.setNewString(row, new String(buffer, offset, length));
                return;
            }
            int hash = 0;
            for (int i = offset; i < offset + length; i++) {
                hash = 31 * hash + buffer[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (RECENT_STRINGS - 1);
            String seen = recent[slot];
            if (seen != null && seen.length() == length && sameChars(seen, buffer, offset)) {
                column.strings()[row] = seen;
                return;
            }
            String value = new String(buffer, offset, length);
            recent[slot] = value;
            column.setNewString(row, value);
        }

        private static boolean sameChars(String value, char[] buffer, int offset)
        {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) != buffer[offset + i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        protected void setComment(char[] buffer, int offset, int length)
        {
            // comments are not enabled
        }

        @Override
        protected void setEmpty()
        {
            empty = true;
        }

        @Override
        protected Object buildRecord()
        {
            return RECORD;
        }
    }
}

package dev.kpisql.calcite.csv;

import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file read as byte ranges on several threads gives the rows, errors and line numbers of a
 * read from start to end. The expected rows are the ones each test writes; the ranges are made
 * a few hundred bytes long so that every file has dozens of them.
 */
final class CsvScanTest
{
    /** Tiny ranges, more threads than this machine may have cores. */
    private static final CsvOptions SPLIT = new CsvOptions(4, true, false, 300);

    @TempDir
    Path directory;

    /** {@code rows} rows of (id BIGINT, amount DOUBLE, day DATE, flag BOOLEAN, name VARCHAR), the values derived from the id. */
    private static List<List<Object>> generated(int rows)
    {
        List<List<Object>> data = new ArrayList<>();
        for (int id = 1; id <= rows; id++) {
            data.add(Arrays.asList((long) id, id % 7 == 0 ? null : id / 4.0, (int) LocalDate.of(2025, 1, 1).plusDays(id % 365).toEpochDay(),
                    id % 3 == 0, id % 11 == 0 ? null : "name " + (id % 5)));
        }
        return data;
    }

    private static String line(List<Object> row)
    {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.size(); c++) {
            Object value = row.get(c);
            line.append(c == 0 ? "" : ",");
            if (value == null) {
                continue;
            }
            line.append(c == 2 ? LocalDate.ofEpochDay((Integer) value).toString() : value.toString());
        }
        return line.toString();
    }

    private Path write(String name, List<String> lines, String lineBreak)
            throws IOException
    {
        return Files.writeString(directory.resolve(name), String.join(lineBreak, lines) + lineBreak, StandardCharsets.UTF_8);
    }

    private static List<String> lines(List<List<Object>> rows)
    {
        List<String> lines = new ArrayList<>(List.of("id,amount,day,flag,name"));
        rows.forEach(row -> lines.add(line(row)));
        return lines;
    }

    @Test
    void rangesReadOnSeveralThreadsGiveTheRowsInFileOrder()
            throws IOException
    {
        List<List<Object>> data = generated(5_000);
        CsvTable table = CsvTable.of(write("t.csv", lines(data), "\n"), SPLIT);

        assertThat(new CsvScan(table, 4).split(Files.size(table.file()))).hasSizeGreaterThan(100);
        assertThat(CsvTableTest.rows(table)).isEqualTo(data);
        assertThat(collected(table)).isEqualTo(data);
    }

    @Test
    void windowsLineBreaksAndAByteOrderMarkReadTheSameInRanges()
            throws IOException
    {
        List<List<Object>> data = generated(3_000);
        Path file = directory.resolve("t.csv");
        Files.write(file, ("\uFEFF" + String.join("\r\n", lines(data)) + "\r\n").getBytes(StandardCharsets.UTF_8));
        CsvTable table = CsvTable.of(file, SPLIT);

        assertThat(table.columnNames()).containsExactly("id", "amount", "day", "flag", "name");
        assertThat(CsvTableTest.rows(table)).isEqualTo(data);
        assertThat(collected(table)).isEqualTo(data);
    }

    @Test
    void emptyLinesAreSkippedInAWideFileAndNullRowsInAOneColumnFileInEveryRange()
            throws IOException
    {
        List<String> wide = new ArrayList<>(List.of("", "a,b"));
        List<String> narrow = new ArrayList<>(List.of("n"));
        List<List<Object>> wideRows = new ArrayList<>();
        List<List<Object>> narrowRows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            wide.add(i + ",x" + i);
            wideRows.add(List.of((long) i, "x" + i));
            narrow.add(i % 4 == 0 ? "" : Integer.toString(i));
            narrowRows.add(Arrays.asList(i % 4 == 0 ? null : (Object) (long) i));
            if (i % 3 == 0) {
                wide.add("");
            }
        }
        CsvTable wideTable = CsvTable.of(write("wide.csv", wide, "\n"), SPLIT);
        CsvTable narrowTable = CsvTable.of(write("narrow.csv", narrow, "\n"), SPLIT);

        assertThat(CsvTableTest.rows(wideTable)).isEqualTo(wideRows);
        assertThat(collected(wideTable)).isEqualTo(wideRows);
        assertThat(CsvTableTest.rows(narrowTable)).isEqualTo(narrowRows);
        assertThat(collected(narrowTable)).isEqualTo(narrowRows);
    }

    @Test
    void aBadValueInALaterRangeNamesItsLineInTheFileAfterTheRowsBeforeIt()
            throws IOException
    {
        List<String> lines = lines(generated(14_000));
        // data row 13,000 is line 13,001; the sample of 10,000 rows is clean
        lines.set(13_000, "13000,abc,2025-01-01,true,x");
        CsvTable table = CsvTable.of(write("t.csv", lines, "\n"), SPLIT);
        List<Object[]> read = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (Enumerator<Object[]> enumerator = table.scan(null).enumerator()) {
                while (enumerator.moveNext()) {
                    read.add(enumerator.current());
                }
            }
        })
                .isInstanceOf(CsvException.class)
                .hasMessage("t.csv: line 13001, column 'amount': 'abc' is not a DOUBLE");
        assertThat(read).hasSize(12_999);
        assertThatThrownBy(() -> collected(table))
                .isInstanceOf(CsvException.class)
                .hasMessage("t.csv: line 13001, column 'amount': 'abc' is not a DOUBLE");
    }

    @Test
    void theEarliestErrorInTheFileWinsWhenSeveralRangesFail()
            throws IOException
    {
        List<String> lines = lines(generated(14_000));
        lines.set(13_500, "13500,1.5,2025-01-01,true");
        lines.set(11_200, "11200,1.5,2025-02-30,true,x");
        lines.set(12_000, "oops,1.5,2025-01-01,true,x");
        CsvTable table = CsvTable.of(write("t.csv", lines, "\r\n"), SPLIT);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> CsvTableTest.rows(table)).hasMessage("t.csv: line 11201, column 'day': '2025-02-30' is not a DATE");
            assertThatThrownBy(() -> collected(table)).hasMessage("t.csv: line 11201, column 'day': '2025-02-30' is not a DATE");
        }
        lines.set(11_200, "11200,1.5,2025-01-30,true,x");
        lines.set(12_000, "12000,1.5,2025-01-01,true,x");
        CsvTable fewer = CsvTable.of(write("u.csv", lines, "\r\n"), SPLIT);
        assertThatThrownBy(() -> collected(fewer)).hasMessage("u.csv: line 13501 has 4 fields, the header has 5");
        assertThatThrownBy(() -> CsvTableTest.rows(fewer)).hasMessage("u.csv: line 13501 has 4 fields, the header has 5");
    }

    @Test
    void quotedLineBreaksAfterTheSampleAreReadAsOneRecordWhereverARangeStarts()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("id,note"));
        List<List<Object>> expected = new ArrayList<>();
        for (int id = 1; id <= CsvTable.INFERENCE_ROWS + 3_000; id++) {
            boolean multiline = id > CsvTable.INFERENCE_ROWS && id % 2 == 0;
            String note = multiline ? "first line\nsecond line, with a comma\nthird " + id : "note " + id;
            lines.add(id + "," + (multiline ? "\"" + note + "\"" : note));
            expected.add(List.of((long) id, note));
        }
        lines.add("x,the last line");
        Path file = write("t.csv", lines, "\n");
        CsvTable rowsTable = CsvTable.of(file, SPLIT);
        CsvTable batchesTable = CsvTable.of(file, SPLIT);
        // the last data row starts after the header, 10,000 one-line rows and 1,500 three-line and 1,500 one-line rows
        String error = "t.csv: line " + (1 + CsvTable.INFERENCE_ROWS + 1_500 * 3 + 1_500 + 1) + ", column 'id': 'x' is not a BIGINT";

        List<Object[]> read = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Enumerator<Object[]> enumerator = rowsTable.scan(null).enumerator()) {
                while (enumerator.moveNext()) {
                    read.add(enumerator.current());
                }
            }
        }).hasMessage(error);
        assertThat(read.stream().map(Arrays::asList).toList()).isEqualTo(expected);
        assertThat(rowsTable.sequentialOnly()).as("a range started inside a quoted field").isTrue();
        assertThat(batchesTable.sequentialOnly()).isFalse();
        assertThatThrownBy(() -> collected(batchesTable)).hasMessage(error);
        assertThat(batchesTable.sequentialOnly()).isTrue();
        // once found, the table is read from start to end, and gives the same
        assertThatThrownBy(() -> collected(batchesTable)).hasMessage(error);
        assertThatThrownBy(() -> CsvTableTest.rows(rowsTable)).hasMessage(error);
    }

    @Test
    void gzippedFilesAreReadFromStartToEnd()
            throws IOException
    {
        List<List<Object>> data = generated(2_000);
        Path file = directory.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines(data)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        CsvTable table = CsvTable.of(file, SPLIT);

        assertThat(CsvTableTest.rows(table)).isEqualTo(data);
        assertThat(collected(table)).isEqualTo(data);
    }

    @Test
    void keptColumnsServeTheNextScanUntilTheFileChanges()
            throws IOException
    {
        Path file = write("t.csv", lines(generated(3_000)), "\n");
        CsvTable table = CsvTable.of(file, new CsvOptions(4, true, true, 300));
        assertThat(CsvTableTest.rows(table)).isEqualTo(generated(3_000));

        // same size, same modification time: the kept columns answer, not the file
        FileTime modified = Files.getLastModifiedTime(file);
        List<String> changed = lines(generated(3_000));
        changed.set(1, changed.get(1).replace("name 1", "name 9"));
        write("t.csv", changed, "\n");
        Files.setLastModifiedTime(file, modified);
        assertThat(CsvTableTest.rows(table)).isEqualTo(generated(3_000));
        assertThat(collected(table)).isEqualTo(generated(3_000));

        // a new modification time: the file is read again
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified.toMillis() + 10_000));
        assertThat(CsvTableTest.rows(table).get(0)).isEqualTo(Arrays.asList(1L, 0.25, (int) LocalDate.of(2025, 1, 2).toEpochDay(), false, "name 9"));
        // and another size too
        write("t.csv", lines(generated(2_000)), "\n");
        assertThat(collected(table)).isEqualTo(generated(2_000));
        assertThat(CsvTableTest.rows(table)).isEqualTo(generated(2_000));
    }

    @Test
    void columnsAreKeptByTheBatchSinkReadToo()
            throws IOException
    {
        Path file = write("t.csv", lines(generated(3_000)), "\n");
        CsvTable table = CsvTable.of(file, new CsvOptions(3, true, true, 300));
        assertThat(collected(table)).isEqualTo(generated(3_000));
        FileTime modified = Files.getLastModifiedTime(file);
        write("t.csv", lines(generated(3_000)).stream().map(line -> line.replace("name", "nome")).toList(), "\n");
        Files.setLastModifiedTime(file, modified);

        assertThat(CsvTableTest.rows(table)).isEqualTo(generated(3_000));
    }

    /** A sink that keeps every row it gets with its ordinal. */
    private static final class Collector
            implements BatchSink
    {
        final Map<Long, List<Object>> rows = new TreeMap<>();

        @Override
        public void accept(ColumnBatch batch, int from, int to, long ordinal)
        {
            for (int row = from; row < to; row++) {
                assertThat(rows.put(ordinal + row - from, Arrays.asList(batch.row(row)))).isNull();
            }
        }
    }

    /** Every row the parallel read hands to its sinks, put back in file order by the ordinals. */
    private static List<List<Object>> collected(CsvTable table)
    {
        Map<Long, List<Object>> all = new TreeMap<>();
        for (Collector collector : table.forEachBatch(Collector::new, table.options().threads())) {
            collector.rows.forEach((ordinal, row) -> assertThat(all.put(ordinal, row)).isNull());
        }
        return new ArrayList<>(all.values());
    }
}

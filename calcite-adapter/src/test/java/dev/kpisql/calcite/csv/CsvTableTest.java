package dev.kpisql.calcite.csv;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.DATE;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class CsvTableTest
{
    @TempDir
    Path directory;

    private Path write(String name, String... lines)
            throws IOException
    {
        return Files.write(directory.resolve(name), List.of(lines));
    }

    /** The table's rows as Calcite's operators get them. */
    static List<List<Object>> rows(CsvTable table)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (Enumerator<Object[]> enumerator = table.scan(null).enumerator()) {
            while (enumerator.moveNext()) {
                rows.add(Arrays.asList(enumerator.current()));
            }
        }
        return rows;
    }

    @Test
    void infersEachType()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv",
                "id,amount,flag,day,at,name",
                "1,2.5,true,2025-01-31,2025-01-31 10:00:00,x",
                "-7,3,FALSE,2024-02-29,2025-01-31T10:00:00.5,y"));
        assertThat(table.columnNames()).containsExactly("id", "amount", "flag", "day", "at", "name");
        assertThat(table.columnTypes()).containsExactly(BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP, VARCHAR);
        long day = LocalDate.of(2025, 1, 31).toEpochDay();
        assertThat(rows(table)).containsExactly(
                List.of(1L, 2.5, true, (int) day, day * 86_400_000L + 36_000_000L, "x"),
                List.of(-7L, 3.0, false, (int) LocalDate.of(2024, 2, 29).toEpochDay(), day * 86_400_000L + 36_000_500L, "y"));
    }

    @Test
    void widensMixedColumns()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv",
                "a,b,c,d,e",
                "1,2025-01-01,1,2025-02-30,",
                "1e3,2025-01-01 00:00:01,x,2025-01-01,",
                "NaN,2025-01-02,true,2025-01-01,"));
        // a: BIGINT and DOUBLE; b: DATE and TIMESTAMP; c: a number and text; d: not a real date; e: no value
        assertThat(table.columnTypes()).containsExactly(DOUBLE, TIMESTAMP, VARCHAR, VARCHAR, VARCHAR);
        assertThat(rows(table).get(0)).containsExactly(1.0, LocalDate.of(2025, 1, 1).toEpochDay() * 86_400_000L, "1", "2025-02-30", null);
    }

    @Test
    void emptyFieldsAreNullAndQuotedFieldsKeepCommasQuotesAndNewlines()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv",
                "n,text",
                "1,\"a, \"\"b\"\"",
                "c\"",
                ",",
                "3,plain"));
        assertThat(rows(table)).containsExactly(
                List.of(1L, "a, \"b\"\nc"),
                Arrays.asList(null, null),
                List.of(3L, "plain"));
    }

    @Test
    void readsGzippedFiles()
            throws IOException
    {
        Path file = directory.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("x,y\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rows(CsvTable.of(file))).containsExactly(List.of(1L, "a"), List.of(2L, "b"));
    }

    @Test
    void aValueAfterTheSampleThatDoesNotFitItsColumnIsAnErrorNamingFileLineColumnAndValue()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("id,amount"));
        for (int row = 1; row < 20_000; row++) {
            lines.add(row + "," + row);
        }
        lines.add("20000,abc");
        lines.add("20001,1");
        CsvTable table = CsvTable.of(Files.write(directory.resolve("orders.csv"), lines));
        assertThat(table.columnTypes()).containsExactly(BIGINT, BIGINT);
        List<Object[]> read = new ArrayList<>();
        // the header is line 1, so data row 20,000 is line 20,001
        assertThatThrownBy(() -> {
            try (Enumerator<Object[]> enumerator = table.scan(null).enumerator()) {
                while (enumerator.moveNext()) {
                    read.add(enumerator.current());
                }
            }
        })
                .isInstanceOf(CsvException.class)
                .hasMessage("orders.csv: line 20001, column 'amount': 'abc' is not a BIGINT");
        assertThat(read).hasSize(19_999);
    }

    @Test
    void errorLinesArePhysicalLinesCountingLineBreaksInsideQuotes()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("day,note", "2025-01-01,\"two", "lines\""));
        for (int row = 1; row < CsvTable.INFERENCE_ROWS; row++) {
            lines.add("2025-01-02,x");
        }
        lines.add("2025-01-32,x");
        CsvTable table = CsvTable.of(Files.write(directory.resolve("t.csv"), lines));
        assertThat(table.columnTypes()).containsExactly(DATE, VARCHAR);
        // data row 10,001 starts on line 10,003: the first row takes two lines
        assertThatThrownBy(() -> rows(table))
                .isInstanceOf(CsvException.class)
                .hasMessage("t.csv: line " + (CsvTable.INFERENCE_ROWS + 3) + ", column 'day': '2025-01-32' is not a DATE");
    }

    @Test
    void integersAfterTheSampleFitADoubleColumn()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("amount"));
        for (int row = 0; row < CsvTable.INFERENCE_ROWS; row++) {
            lines.add("0.5");
        }
        lines.add("7");
        CsvTable table = CsvTable.of(Files.write(directory.resolve("t.csv"), lines));
        assertThat(table.columnTypes()).containsExactly(DOUBLE);
        assertThat(rows(table).get(CsvTable.INFERENCE_ROWS)).containsExactly(7.0);
    }

    @Test
    void valuesAfterTheSampleDoNotChangeTheType()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("n"));
        for (int row = 0; row < CsvTable.INFERENCE_ROWS; row++) {
            lines.add(row % 2 == 0 ? "" : "1");
        }
        lines.add("2.5");
        CsvTable table = CsvTable.of(Files.write(directory.resolve("late.csv"), lines));
        assertThat(table.columnTypes()).containsExactly(BIGINT);
        assertThatThrownBy(() -> rows(table))
                .hasMessage("late.csv: line " + (CsvTable.INFERENCE_ROWS + 2) + ", column 'n': '2.5' is not a BIGINT");
    }

    @Test
    void aRecordWithTooFewOrTooManyFieldsIsAnError()
            throws IOException
    {
        assertThatThrownBy(() -> CsvTable.of(write("t.csv", "a,b", "1,2", "3")))
                .isInstanceOf(CsvException.class)
                .hasMessage("t.csv: line 3 has 1 field, the header has 2");
        assertThatThrownBy(() -> CsvTable.of(write("u.csv", "a,b", "1,2,3")))
                .isInstanceOf(CsvException.class)
                .hasMessage("u.csv: line 2 has 3 fields, the header has 2");
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsAfterTheSampleFailsTheScan()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("a,b"));
        for (int row = 0; row < CsvTable.INFERENCE_ROWS; row++) {
            lines.add("1,2");
        }
        lines.add("1,2,3");
        CsvTable table = CsvTable.of(Files.write(directory.resolve("t.csv"), lines));
        assertThatThrownBy(() -> rows(table))
                .isInstanceOf(CsvException.class)
                .hasMessage("t.csv: line " + (CsvTable.INFERENCE_ROWS + 2) + " has 3 fields, the header has 2");
    }

    @Test
    void headerErrorsNameTheFile()
            throws IOException
    {
        assertThatThrownBy(() -> CsvTable.of(write("empty.csv")))
                .isInstanceOf(CsvException.class)
                .hasMessage("empty.csv: the file is empty; the first line must name the columns");
        assertThatThrownBy(() -> CsvTable.of(write("blank.csv", "a,,c", "1,2,3")))
                .isInstanceOf(CsvException.class)
                .hasMessage("blank.csv: line 1: column 2 has no name");
        assertThatThrownBy(() -> CsvTable.of(write("spaces.csv", "a, ,c", "1,2,3")))
                .isInstanceOf(CsvException.class)
                .hasMessage("spaces.csv: line 1: column 2 has no name");
        assertThatThrownBy(() -> CsvTable.of(write("twice.csv", "a,A", "1,2")))
                .isInstanceOf(CsvException.class)
                .hasMessage("twice.csv: line 1: column 'A' appears twice");
        assertThatThrownBy(() -> CsvTable.of(write("padded.csv", "id , ID", "1,2")))
                .isInstanceOf(CsvException.class)
                .hasMessage("padded.csv: line 1: column 'ID' appears twice");
    }

    @Test
    void headerNamesAreTrimmedAndKeepTheirCase()
            throws IOException
    {
        assertThat(CsvTable.of(write("t.csv", " Id ,\" Amount\"", "1,2")).columnNames()).containsExactly("Id", "Amount");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName()
            throws IOException
    {
        Path file = directory.resolve("excel.csv");
        Files.write(file, "\uFEFFid,name\r\n1,x\r\n".getBytes(StandardCharsets.UTF_8));
        CsvTable table = CsvTable.of(file);
        assertThat(table.columnNames()).containsExactly("id", "name");
        assertThat(rows(table)).containsExactly(List.of(1L, "x"));
    }

    @Test
    void windowsLineBreaksAreNotPartOfTheValues()
            throws IOException
    {
        Path file = directory.resolve("t.csv");
        Files.write(file, "a,b\r\n1,x\r\n2,y\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows(CsvTable.of(file))).containsExactly(List.of(1L, "x"), List.of(2L, "y"));
    }

    @Test
    void utf8TextIsReadAsUtf8()
            throws IOException
    {
        assertThat(rows(CsvTable.of(write("t.csv", "name", "Zoë", "東京")))).containsExactly(List.of("Zoë"), List.of("東京"));
    }

    @Test
    void anEmptyLineInAOneColumnFileIsANullRow()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv", "n", "1", "", "2", ""));
        assertThat(table.columnTypes()).containsExactly(BIGINT);
        assertThat(rows(table)).containsExactly(List.of(1L), Arrays.asList((Object) null), List.of(2L), Arrays.asList((Object) null));
    }

    @Test
    void emptyLinesInAWiderFileAreSkipped()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv", "", "a,b", "1,x", "", "2,y", ""));
        assertThat(table.columnNames()).containsExactly("a", "b");
        assertThat(rows(table)).containsExactly(List.of(1L, "x"), List.of(2L, "y"));
        assertThatThrownBy(() -> CsvTable.of(write("u.csv", "", "a,,c")))
                .hasMessage("u.csv: line 2: column 2 has no name");
    }

    @Test
    void aHeaderWithoutRowsIsATableOfVarcharColumnsWithoutRows()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv", "a,b"));
        assertThat(table.columnTypes()).containsExactly(VARCHAR, VARCHAR);
        assertThat(rows(table)).isEmpty();
    }

    @Test
    void everyScanAndEveryResetStartsFromTheFirstRow()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv", "a", "1", "2"));
        assertThat(rows(table)).containsExactly(List.of(1L), List.of(2L));
        assertThat(rows(table)).containsExactly(List.of(1L), List.of(2L));
        try (Enumerator<Object[]> enumerator = table.scan(null).enumerator()) {
            assertThat(enumerator.moveNext()).isTrue();
            enumerator.reset();
            assertThat(enumerator.moveNext()).isTrue();
            assertThat(enumerator.current()).containsExactly(1L);
        }
    }

    @Test
    void aFileThatIsNotGzipIsAnErrorNamingIt()
            throws IOException
    {
        write("t.csv.gz", "a", "1");
        assertThatThrownBy(() -> CsvTable.of(directory.resolve("t.csv.gz")))
                .isInstanceOf(CsvException.class)
                .hasMessageStartingWith("t.csv.gz: cannot read " + directory.resolve("t.csv.gz") + ": ")
                .hasMessageContaining("GZIP");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt()
    {
        Path file = directory.resolve("gone.csv");
        assertThatThrownBy(() -> CsvTable.of(file))
                .isInstanceOf(CsvException.class)
                .hasMessage("gone.csv: cannot read " + file + ": no such file");
    }

    @Test
    void rowTypeIsNullableColumnsOfTheInferredTypes()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv", "a,b,c,d,e,f", "1,2025-01-01 00:00:00.123,x,1.5,true,2025-01-01"));
        RelDataType rowType = table.getRowType(new JavaTypeFactoryImpl());
        assertThat(rowType.getFieldNames()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(rowType.getFieldList()).allMatch(field -> field.getType().isNullable());
        assertThat(rowType.getFieldList()).extracting(field -> field.getType().getSqlTypeName())
                .containsExactly(BIGINT, TIMESTAMP, VARCHAR, DOUBLE, BOOLEAN, DATE);
        assertThat(rowType.getFieldList().get(1).getType().getPrecision()).isEqualTo(3);
        assertThat(rowType.getFieldList().get(2).getType().getPrecision()).isEqualTo(RelDataType.PRECISION_NOT_SPECIFIED);
    }
}

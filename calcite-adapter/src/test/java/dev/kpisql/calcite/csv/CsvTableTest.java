package dev.kpisql.calcite.csv;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.type.SqlTypeName;
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

    private static List<List<Object>> rows(CsvTable table)
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
    void aValueThatDoesNotFitItsColumnIsAnErrorNamingFileLineColumnAndValue()
            throws IOException
    {
        List<String> lines = new ArrayList<>(List.of("id,amount"));
        for (int i = 0; i < CsvTable.INFERENCE_ROWS; i++) {
            lines.add(i + ",1.5");
        }
        lines.add("x,2.5");
        CsvTable table = CsvTable.of(Files.write(directory.resolve("orders.csv"), lines));
        assertThat(table.columnTypes()).containsExactly(BIGINT, DOUBLE);
        // the header is line 1, the 10,000 sampled rows lines 2..10,001
        assertThatThrownBy(() -> rows(table))
                .isInstanceOf(CsvException.class)
                .hasMessage("orders.csv: line 10002, column 'id': 'x' is not a BIGINT");
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsIsAnError()
            throws IOException
    {
        assertThatThrownBy(() -> CsvTable.of(write("t.csv", "a,b", "1,2", "3")))
                .isInstanceOf(CsvException.class)
                .hasMessage("t.csv: line 3 has 1 field, the header has 2");
    }

    @Test
    void headerErrors()
            throws IOException
    {
        assertThatThrownBy(() -> CsvTable.of(write("empty.csv")))
                .hasMessage("empty.csv: the file is empty; the first line must name the columns");
        assertThatThrownBy(() -> CsvTable.of(write("blank.csv", "a,,c", "1,2,3")))
                .hasMessage("blank.csv: line 1: column 2 has no name");
        assertThatThrownBy(() -> CsvTable.of(write("twice.csv", "a,A", "1,2")))
                .hasMessage("twice.csv: line 1: column 'A' appears twice");
    }

    @Test
    void rowTypeIsNullableColumnsOfTheInferredTypes()
            throws IOException
    {
        CsvTable table = CsvTable.of(write("t.csv", "a,b", "1,2025-01-01 00:00:00.123"));
        var rowType = table.getRowType(new JavaTypeFactoryImpl());
        assertThat(rowType.getFieldList()).allMatch(field -> field.getType().isNullable());
        assertThat(rowType.getFieldList().get(1).getType().getSqlTypeName()).isEqualTo(SqlTypeName.TIMESTAMP);
        assertThat(rowType.getFieldList().get(1).getType().getPrecision()).isEqualTo(3);
    }

    @Test
    void schemaHasATablePerCsvFile()
            throws IOException
    {
        write("orders.csv", "a", "1");
        write("notes.txt", "a", "1");
        write("Customers.csv", "a", "1");
        assertThat(new CsvSchema(directory).tables().getNames(org.apache.calcite.schema.lookup.LikePattern.any()))
                .containsExactlyInAnyOrder("orders", "Customers");
        assertThat(CsvSchema.tableName("events.csv.gz")).isEqualTo("events");
        assertThat(CsvSchema.tableName(".csv")).isNull();
        assertThatThrownBy(() -> new CsvSchema(directory.resolve("missing")))
                .isInstanceOf(CsvException.class)
                .hasMessageContaining("not a directory");
    }
}

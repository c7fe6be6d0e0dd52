package dev.kpisql.calcite.csv;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class CsvSchemaTest
{
    @TempDir
    Path directory;

    private void write(String name, String... lines)
            throws IOException
    {
        Files.write(directory.resolve(name), List.of(lines));
    }

    private static List<String> tableNames(CsvSchema schema)
    {
        return List.copyOf(schema.tables().getNames(LikePattern.any()));
    }

    @Test
    void eachCsvAndGzippedCsvFileIsATableNamedAfterItWithoutTheExtension()
            throws IOException
    {
        write("orders.csv", "a", "1");
        write("Customers.csv", "a", "1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("events.csv.gz")))) {
            out.write("a\n1\n".getBytes(StandardCharsets.UTF_8));
        }
        write("notes.txt", "a", "1");
        write("orders.csv.bak", "a", "1");
        write("archive.gz", "a", "1");
        Files.createDirectory(directory.resolve("folder.csv"));
        Files.createDirectory(directory.resolve("nested"));
        Files.write(directory.resolve("nested").resolve("deep.csv"), List.of("a", "1"));

        assertThat(tableNames(new CsvSchema(directory))).containsExactlyInAnyOrder("orders", "Customers", "events");
    }

    @Test
    void tableNameDropsCsvOrCsvGz()
    {
        assertThat(CsvSchema.tableName("orders.csv")).isEqualTo("orders");
        assertThat(CsvSchema.tableName("events.csv.gz")).isEqualTo("events");
        assertThat(CsvSchema.tableName("daily.v2.csv")).isEqualTo("daily.v2");
        assertThat(CsvSchema.tableName(".csv")).isNull();
        assertThat(CsvSchema.tableName(".csv.gz")).isNull();
        assertThat(CsvSchema.tableName("orders.tsv")).isNull();
        assertThat(CsvSchema.tableName("orders.gz")).isNull();
    }

    @Test
    void twoFilesForOneTableAreAnErrorNamingBoth()
            throws IOException
    {
        write("orders.csv", "a", "1");
        write("Orders.csv", "a", "1");
        assertThatThrownBy(() -> tableNames(new CsvSchema(directory)))
                .isInstanceOf(CsvException.class)
                .hasMessage(directory + ": Orders.csv and orders.csv would both be the table 'orders'; rename or remove one");
    }

    @Test
    void aPlainAndAGzippedFileOfTheSameNameAreAnError()
            throws IOException
    {
        write("orders.csv", "a", "1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("orders.csv.gz")))) {
            out.write("a\n1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> tableNames(new CsvSchema(directory)))
                .isInstanceOf(CsvException.class)
                .hasMessageContaining("orders.csv and orders.csv.gz would both be the table 'orders'");
    }

    @Test
    void aMissingDirectoryIsAnError()
    {
        Path missing = directory.resolve("missing");
        assertThatThrownBy(() -> new CsvSchema(missing))
                .isInstanceOf(CsvException.class)
                .hasMessage("no such directory: " + missing);
    }

    @Test
    void aFileInsteadOfADirectoryIsAnError()
            throws IOException
    {
        write("orders.csv", "a", "1");
        Path file = directory.resolve("orders.csv");
        assertThatThrownBy(() -> new CsvSchema(file))
                .isInstanceOf(CsvException.class)
                .hasMessage("not a directory: " + file + " (a directory of CSV files is expected)");
    }

    @Test
    void aBrokenFileFailsOnlyWhenItsTableIsRead()
            throws IOException
    {
        write("good.csv", "a", "1");
        write("broken.csv", "a,a", "1,2");
        CsvSchema schema = new CsvSchema(directory);
        assertThat(tableNames(schema)).containsExactlyInAnyOrder("good", "broken");
        Table broken = schema.tables().get("broken");
        assertThatThrownBy(() -> broken.getRowType(new JavaTypeFactoryImpl()))
                .isInstanceOf(CsvException.class)
                .hasMessage("broken.csv: line 1: column 'a' appears twice");
        assertThat(schema.tables().get("good").getRowType(new JavaTypeFactoryImpl()).getFieldNames()).containsExactly("a");

        // mended, the same table reads the file again
        write("broken.csv", "a,b", "1,2");
        assertThat(broken.getRowType(new JavaTypeFactoryImpl()).getFieldNames()).containsExactly("a", "b");
    }

    @Test
    void theDirectoryIsListedOnce()
            throws IOException
    {
        write("orders.csv", "a", "1");
        CsvSchema schema = new CsvSchema(directory);
        Table orders = schema.tables().get("orders");
        write("later.csv", "a", "1");
        assertThat(tableNames(schema)).containsExactly("orders");
        assertThat(schema.tables().get("orders")).isSameAs(orders);
    }
}

package dev.kpisql.calcite.trino;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements and the file layout of the {@code files} catalog; that Trino reads the files
 * through them as the embedded engine does is TestSqlExamples' part (trino-plugin).
 */
final class TrinoFilesCatalogTest
{
    @TempDir
    Path temp;

    private Path data;
    private Path root;

    private List<String> synchronize(PrintStream warnings)
            throws IOException
    {
        data = Files.createDirectories(temp.resolve("data"));
        root = Files.createDirectories(temp.resolve("root"));
        return new TrinoFilesCatalog("files", root).synchronize(data, warnings);
    }

    @Test
    void eachFileIsACsvTableUnderAViewWithTheInferredTypes()
            throws IOException
    {
        Files.createDirectories(temp.resolve("data"));
        Files.writeString(temp.resolve("data/Orders.csv"), "id,amount,paid,day,at,note\n1,2.5,true,2025-01-02,2025-01-02T03:04:05,x\n");
        List<String> statements = synchronize(System.err);

        assertThat(statements).containsExactly(
                "CREATE SCHEMA IF NOT EXISTS \"files\".\"csv\" WITH (location = 'local:///csv')",
                "CREATE SCHEMA IF NOT EXISTS \"files\".\"data\"",
                "DROP TABLE IF EXISTS \"files\".\"csv\".\"orders\"",
                "CREATE TABLE \"files\".\"csv\".\"orders\" (c1 varchar, c2 varchar, c3 varchar, c4 varchar, c5 varchar, c6 varchar)"
                        + " WITH (format = 'CSV', external_location = 'local:///csv/orders', skip_header_line_count = 1,"
                        + " csv_separator = ',', csv_quote = '\"', csv_escape = U&'\\0000')",
                "CREATE OR REPLACE VIEW \"files\".\"data\".\"orders\" SECURITY INVOKER AS SELECT"
                        + " CAST(NULLIF(c1, '') AS bigint) AS \"id\","
                        + " CAST(NULLIF(c2, '') AS double) AS \"amount\","
                        + " CAST(NULLIF(c3, '') AS boolean) AS \"paid\","
                        + " CAST(NULLIF(c4, '') AS date) AS \"day\","
                        + " CAST(replace(NULLIF(c5, ''), 'T', ' ') AS timestamp(3)) AS \"at\","
                        + " NULLIF(c6, '') AS \"note\""
                        + " FROM \"files\".\"csv\".\"orders\" WHERE c1 IS NOT NULL");
        // a hard link: the table sees what is appended to the file
        assertThat(Files.isSameFile(root.resolve("csv/orders/data.csv"), data.resolve("Orders.csv"))).isTrue();
    }

    @Test
    void aOneColumnFileKeepsItsEmptyLinesAsNulls()
            throws IOException
    {
        Files.createDirectories(temp.resolve("data"));
        Files.write(temp.resolve("data/scores.csv.gz"), gzip("score\n9\n\n3\n"));
        List<String> statements = synchronize(System.err);

        assertThat(statements.get(statements.size() - 1))
                .isEqualTo("CREATE OR REPLACE VIEW \"files\".\"data\".\"scores\" SECURITY INVOKER AS SELECT CAST(NULLIF(c1, '') AS bigint) AS \"score\" FROM \"files\".\"csv\".\"scores\"");
        // the name keeps the .gz by which Trino decompresses
        assertThat(root.resolve("csv/scores/data.csv.gz")).exists();
    }

    @Test
    void aFileThatIsGoneIsDroppedWithItsDirectory()
            throws IOException
    {
        synchronize(System.err);
        Files.writeString(data.resolve("a.csv"), "x\n1\n");
        Files.writeString(data.resolve("b.csv"), "y\n2\n");
        TrinoFilesCatalog catalog = new TrinoFilesCatalog("files", root);
        catalog.synchronize(data, System.err);
        Files.delete(data.resolve("b.csv"));

        List<String> statements = catalog.synchronize(data, System.err);

        assertThat(statements).contains("DROP VIEW IF EXISTS \"files\".\"data\".\"b\"", "DROP TABLE IF EXISTS \"files\".\"csv\".\"b\"");
        assertThat(statements).noneMatch(statement -> statement.startsWith("CREATE TABLE \"files\".\"csv\".\"b\""));
        assertThat(root.resolve("csv/b")).doesNotExist();
        assertThat(root.resolve("csv/a/data.csv")).exists();
    }

    @Test
    void aFileTheEmbeddedEngineCannotReadIsLeftOutWithAWarning()
            throws IOException
    {
        Files.createDirectories(temp.resolve("data"));
        Files.writeString(temp.resolve("data/good.csv"), "x\n1\n");
        Files.writeString(temp.resolve("data/bad.csv"), "x,x\n1,2\n");
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();

        List<String> statements = synchronize(new PrintStream(warnings, true, StandardCharsets.UTF_8));

        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEqualTo("kpi trino: bad.csv: line 1: column 'x' appears twice; bad is left out of the files catalog\n");
        assertThat(statements).anyMatch(statement -> statement.contains("\"good\"")).noneMatch(statement -> statement.contains("\"bad\""));
    }

    @Test
    void theCatalogIsTheHiveConnectorWithAFileMetastoreOnTheLocalFileSystem()
    {
        assertThat(new TrinoFilesCatalog("files", Path.of("/srv/kpi/files")).propertiesFile()).isEqualTo("""
                connector.name=hive
                hive.metastore=file
                hive.metastore.catalog.dir=local:///metastore
                fs.native-local.enabled=true
                local.location=/srv/kpi/files
                """);
    }

    private static byte[] gzip(String text)
            throws IOException
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}

package dev.kpisql.trino;

import dev.kpisql.calcite.trino.TrinoFilesCatalog;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.KpiFunction;
import io.trino.Session;
import io.trino.plugin.hive.HivePlugin;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The embedded engine and Trino with the plugin tell the same: the embedded {@code SHOW FUNCTIONS}
 * ({@code jdbc:kpi:}) is Trino's for the catalog's functions, and a directory of CSV files read
 * by the embedded engine ({@code jdbc:kpi:DIR}) and by Trino's files catalog
 * ({@link TrinoFilesCatalog}, as {@code ./kpi trino start --data} serves it) gives the same rows —
 * for files written the awkward ways spreadsheets and scripts write them.
 */
@TestInstance(PER_CLASS)
final class TestEmbeddedAgreesWithTrino
{
    private static final Session FILES = testSessionBuilder().setCatalog("files").setSchema(TrinoFilesCatalog.VIEW_SCHEMA).build();

    private QueryRunner trino;
    private Path temp;
    private Path data;

    @BeforeAll
    void start()
            throws IOException
    {
        temp = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "embedded-agrees-");
        data = Files.createDirectories(temp.resolve("data"));
        // a byte-order mark and CRLF line ends, as spreadsheets write them; quoted commas and quotes;
        // backslashes, which RFC 4180 does not escape with; an empty line; integers and decimals in
        // one column (DOUBLE), dates and timestamps in one (TIMESTAMP), empty fields (NULL)
        Files.writeString(data.resolve("Payments.csv"), "\uFEFFid,name,amount,paid,day,at\r\n"
                + "1,\"Smith, Anna\",2.5,true,2025-01-02,2025-01-02 03:04:05\r\n"
                + "2,\"say \"\"hi\"\"\",-3,FALSE,2025-01-03,2025-01-03T04:05:06.7\r\n"
                + "3,C:\\temp\\,1e3,,,2025-01-04\r\n"
                + "\r\n"
                + "4,\"a\\\\b\",NaN,true,2025-01-05,2025-01-05 00:00:00.123\r\n"
                + "5,,,,,\r\n", StandardCharsets.UTF_8);
        // one column, gzipped: an empty line is a NULL
        Files.write(data.resolve("scores.csv.gz"), gzip("score\n9\n\n3\n10\n"));

        trino = KpiQueryRunner.singleNode();
        TrinoFilesCatalog catalog = new TrinoFilesCatalog("files", Files.createDirectories(temp.resolve("files")));
        trino.installPlugin(new HivePlugin());
        trino.createCatalog("files", "hive", catalog.connectorProperties());
        catalog.synchronize(data, System.err).forEach(trino::execute);
    }

    @AfterAll
    void stop()
            throws IOException
    {
        if (trino != null) {
            trino.close();
        }
        if (temp != null) {
            try (Stream<Path> paths = Files.walk(temp)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void embeddedShowFunctionsIsTrinosForTheCatalog()
            throws SQLException
    {
        Set<String> names = Catalog.functions().stream().map(KpiFunction::name).collect(Collectors.toSet());
        List<List<Object>> expected = new ArrayList<>();
        for (MaterializedRow row : trino.execute("SHOW FUNCTIONS").getMaterializedRows()) {
            // the embedded engine registers TIMESTAMP arguments at milliseconds only
            if (names.contains((String) row.getField(0)) && !((String) row.getField(2)).contains("timestamp(6)")) {
                expected.add(row.getFields());
            }
        }
        List<List<Object>> actual = embedded("jdbc:kpi:", "SHOW FUNCTIONS");
        assertThat(actual).isNotEmpty().containsExactlyElementsOf(expected);
    }

    @Test
    void bothEnginesReadTheAwkwardFileAlike()
            throws SQLException
    {
        String sql = "SELECT id, name, amount, paid, day, at FROM payments ORDER BY id";
        List<List<Object>> expected = List.of(
                Arrays.asList(1L, "Smith, Anna", 2.5, true, LocalDate.of(2025, 1, 2), LocalDateTime.of(2025, 1, 2, 3, 4, 5)),
                Arrays.asList(2L, "say \"hi\"", -3.0, false, LocalDate.of(2025, 1, 3), LocalDateTime.of(2025, 1, 3, 4, 5, 6, 700_000_000)),
                Arrays.asList(3L, "C:\\temp\\", 1000.0, null, null, LocalDateTime.of(2025, 1, 4, 0, 0)),
                Arrays.asList(4L, "a\\\\b", Double.NaN, true, LocalDate.of(2025, 1, 5), LocalDateTime.of(2025, 1, 5, 0, 0, 0, 123_000_000)),
                Arrays.asList(5L, null, null, null, null, null));
        assertThat(embedded("jdbc:kpi:" + data, sql)).containsExactlyElementsOf(expected);
        assertThat(trino(sql)).containsExactlyElementsOf(expected);
        assertThat(trino("SELECT data_type FROM information_schema.columns WHERE table_schema = 'data' AND table_name = 'payments' ORDER BY ordinal_position"))
                .containsExactly(List.of("bigint"), List.of("varchar"), List.of("double"), List.of("boolean"), List.of("date"), List.of("timestamp(3)"));
    }

    @Test
    void aGzippedOneColumnFileKeepsItsNullAndGivesTheSameKpi()
            throws SQLException
    {
        String rows = "SELECT score FROM scores ORDER BY score NULLS FIRST";
        List<List<Object>> expected = List.of(Arrays.asList((Object) null), List.of(3L), List.of(9L), List.of(10L));
        assertThat(embedded("jdbc:kpi:" + data, rows)).containsExactlyElementsOf(expected);
        assertThat(trino(rows)).containsExactlyElementsOf(expected);
        // 9 and 10 promoters, 3 a detractor, the NULL skipped: 100 × (2 − 1) / 3
        String nps = "SELECT nps(score) AS nps, count(*) AS n FROM scores";
        assertThat(embedded("jdbc:kpi:" + data, nps)).containsExactly(List.of(100.0 / 3, 4L));
        assertThat(trino(nps)).containsExactly(List.of(100.0 / 3, 4L));
    }

    private List<List<Object>> trino(String sql)
    {
        // dates and timestamps as java.time values
        return trino.execute(FILES, sql).toTestTypes().getMaterializedRows().stream().map(MaterializedRow::getFields).toList();
    }

    /** The rows through the embedded engine's JDBC driver, dates and timestamps as java.time values, as Trino's runner gives them. */
    private static List<List<Object>> embedded(String url, String sql)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    Object value = result.getObject(c);
                    if (value instanceof java.sql.Timestamp timestamp) {
                        value = timestamp.toLocalDateTime();
                    }
                    else if (value instanceof java.sql.Date date) {
                        value = date.toLocalDate();
                    }
                    else if (value instanceof Integer number) {
                        value = number.longValue();
                    }
                    row.add(value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] gzip(String text)
            throws IOException
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}

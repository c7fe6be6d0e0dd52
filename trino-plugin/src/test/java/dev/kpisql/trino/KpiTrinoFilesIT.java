package dev.kpisql.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpisql.calcite.examples.SqlExample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@code ./kpi trino start --data sql-examples/data} ({@link RealTrinoServer}): a real server whose
 * {@code files} catalog holds the example CSV files, queried by three real clients — the Trino
 * JDBC driver (every example), the Trino CLI and Trino's JavaScript client from npm under Node.js
 * (three examples each) — each answer compared with the example's expected file by the rules
 * every engine is held to ({@link SqlExample#compare}). Last, files added, appended to and
 * removed appear after {@code start --data} runs again on the running server. Runs in
 * {@code ./mvnw verify} (failsafe).
 */
@TestInstance(PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("server")
@ExtendWith(RealTrinoServer.Resolver.class)
final class KpiTrinoFilesIT
{
    /** Examples for the CLI: timestamps, NULLs, a CASE label. */
    private static final List<String> CLI_EXAMPLES = List.of("churn_by_month", "support_by_channel", "cac_by_month_for_events");
    /** Examples for the JavaScript client: an approximate column, dates, many KPIs at once. */
    private static final List<String> NODE_EXAMPLES = List.of("stickiness_by_month", "mrr_waterfall_by_month", "kpi_dashboard_by_month");

    private final ObjectMapper json = new ObjectMapper();
    private RealTrinoServer server;
    private Path root;

    @BeforeAll
    void useServer(RealTrinoServer server)
    {
        this.server = server;
        this.root = server.root();
    }

    @Test
    @Order(1)
    void everyExampleFileIsATableOfTheFilesCatalog()
            throws SQLException, IOException
    {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW TABLES FROM files.data")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("sql-examples/data"))) {
            assertThat(tables).containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString().replace(".csv", "")).toList());
        }
    }

    /** The column types are the embedded engine's (see TrinoFilesCatalogTest for the inference). */
    @Test
    @Order(2)
    void columnsHaveTheInferredTypes()
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT column_name, data_type FROM files.information_schema.columns"
                        + " WHERE table_schema = 'data' AND table_name = 'web_sessions' ORDER BY ordinal_position")) {
            while (result.next()) {
                columns.add(result.getString(1) + " " + result.getString(2));
            }
        }
        assertThat(columns).containsExactly("session_id varchar", "user_id bigint", "channel varchar",
                "session_start timestamp(3)", "session_end timestamp(3)", "pageviews bigint", "converted boolean");
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> everyExampleThroughJdbc()
    {
        return SqlExample.load(root.resolve("sql-examples")).stream()
                .map(example -> DynamicTest.dynamicTest(example.name(), () -> assertAgrees(example, jdbc(example.sql()))));
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> threeExamplesThroughTheTrinoCli()
    {
        return CLI_EXAMPLES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            SqlExample example = SqlExample.read(root.resolve("sql-examples").resolve(name + ".sql"));
            assertAgrees(example, cli(example.sql()));
        }));
    }

    @Test
    @Order(5)
    void threeExamplesThroughTheJavaScriptClient()
            throws Exception
    {
        Path client = Files.createDirectories(Path.of("target", "node-client")).toAbsolutePath();
        for (String file : List.of("package.json", "package-lock.json", "query-examples.mjs")) {
            Files.copy(root.resolve("trino-plugin/src/test/node").resolve(file), client.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(client, 600, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        List<String> command = new ArrayList<>(List.of("node", "query-examples.mjs", "http://127.0.0.1:" + server.port()));
        NODE_EXAMPLES.forEach(name -> command.add(root.resolve("sql-examples").resolve(name + ".sql").toString()));

        JsonNode answers = json.readTree(run(client, 300, command.toArray(String[]::new)));

        assertThat(answers).hasSize(NODE_EXAMPLES.size());
        for (JsonNode answer : answers) {
            SqlExample example = SqlExample.read(root.resolve("sql-examples").resolve(answer.get("name").asText() + ".sql"));
            List<String> labels = new ArrayList<>();
            answer.get("columns").forEach(column -> labels.add(column.asText()));
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode row : answer.get("rows")) {
                List<Object> values = new ArrayList<>();
                row.forEach(value -> values.add(value(value)));
                rows.add(values);
            }
            assertAgrees(example, new Answer(labels, rows));
        }
    }

    /**
     * A file added to the data directory becomes a table, one removed stops being one, and rows
     * appended to a file are read at once: after {@code start --data} runs again on the running
     * server, without a restart.
     */
    @Test
    @Order(6)
    void filesAppearAfterStartRunsAgainOnTheRunningServer()
            throws Exception
    {
        Path data = Files.createDirectories(server.dir().resolve("more-data"));
        Files.copy(root.resolve("sql-examples/data/market_sales.csv"), data.resolve("market_sales.csv"));
        Files.writeString(data.resolve("scores.csv"), "segment,score\nsmb,9\nsmb,3\n", StandardCharsets.UTF_8);

        server.kpi(300, "trino", "start", "--dir", server.dir().toString(), "--data", data.toString());

        assertThat(jdbc("SELECT segment, nps(score) AS nps FROM scores GROUP BY segment").rows()).containsExactly(List.of("smb", 0.0));
        assertThatThrownBy(() -> jdbc("SELECT count(*) FROM survey_responses"))
                .hasMessageContaining("'files.data.survey_responses' does not exist");
        Files.writeString(data.resolve("scores.csv"), "smb,10\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(jdbc("SELECT count(*) AS responses, nps(score) AS nps FROM scores").rows()).containsExactly(List.of(3L, 100.0 / 3));
        assertThat(jdbc("SELECT count(*) AS rows FROM market_sales").rows()).containsExactly(List.of(12L));
    }

    private record Answer(List<String> labels, List<List<Object>> rows) {}

    private static void assertAgrees(SqlExample example, Answer answer)
    {
        Optional<String> difference = example.compare(answer.labels(), answer.rows());
        assertThat(difference).as(example.sql()).isEmpty();
    }

    private Answer jdbc(String sql)
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = result.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int c = 1; c <= metadata.getColumnCount(); c++) {
                labels.add(metadata.getColumnLabel(c));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= labels.size(); c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
            return new Answer(labels, rows);
        }
    }

    /** {@code ./kpi trino cli --execute SQL --output-format JSON}: one object per row, its keys the labels in order. */
    private Answer cli(String sql)
            throws Exception
    {
        String output = run(root, 120, root.resolve("kpi").toString(), "trino", "cli", "--dir", server.dir().toString(), "--output-format", "JSON", "--execute", sql);
        List<String> labels = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            JsonNode row = json.readTree(line);
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                names.add(field.getKey());
                values.add(value(field.getValue()));
            }
            if (labels.isEmpty()) {
                labels.addAll(names);
            }
            rows.add(values);
        }
        return new Answer(labels, rows);
    }

    /** A JSON value as the Java value a JDBC driver would give: numbers, text, booleans, NULL. */
    private static Object value(JsonNode value)
    {
        if (value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.asText();
    }

    private Connection connect()
            throws SQLException
    {
        return server.connect("files", "data");
    }

    /** Runs a command in {@code directory} and answers its standard output; its standard error goes to the log. */
    private static String run(Path directory, long timeoutSeconds, String... command)
            throws IOException, InterruptedException
    {
        Files.createDirectories(RealTrinoServer.LOG.getParent());
        Path output = Files.createTempFile(Path.of("target"), "kpi-trino-files-it", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(RealTrinoServer.LOG.toFile()))
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; see " + RealTrinoServer.LOG.toAbsolutePath());
            }
            String text = Files.readString(output);
            assertThat(process.exitValue()).as("%s failed; see %s; its output: %s", String.join(" ", command), RealTrinoServer.LOG.toAbsolutePath(), text).isZero();
            return text;
        }
        finally {
            Files.deleteIfExists(output);
        }
    }
}

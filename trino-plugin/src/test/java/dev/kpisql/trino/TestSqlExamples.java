package dev.kpisql.trino;

import dev.kpisql.calcite.csv.CsvTable;
import dev.kpisql.calcite.examples.SqlExample;
import io.trino.Session;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Every example of {@code sql-examples/} gives its expected answer in Trino, on a three-node
 * cluster and on a single node, over the example CSV files loaded into the memory connector with
 * the column types the embedded engine infers. The embedded engine checks the same examples
 * against the same expected files (SqlExamplesConformanceTest in calcite-adapter), so the two
 * engines agree with each other through them.
 */
@TestInstance(PER_CLASS)
final class TestSqlExamples
{
    private static final Path EXAMPLES = Path.of(System.getProperty("kpi.root", "../..")).resolve("sql-examples");
    private static final Session SESSION = testSessionBuilder().setCatalog("memory").setSchema("default").build();
    /** Rows per INSERT statement when loading a table. */
    private static final int BATCH = 2_000;
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private QueryRunner distributed;
    private QueryRunner singleNode;

    @BeforeAll
    void loadData()
            throws Exception
    {
        distributed = KpiQueryRunner.distributed(2);
        singleNode = KpiQueryRunner.singleNode();
        List<CsvTable> tables;
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("data"))) {
            tables = files.filter(path -> path.toString().endsWith(".csv")).sorted().map(CsvTable::of).toList();
        }
        // both clusters load at once: planning the INSERT statements is most of the time
        CompletableFuture<Void> single = CompletableFuture.runAsync(() -> tables.forEach(table -> load(singleNode, table)));
        tables.forEach(table -> load(distributed, table));
        single.join();
    }

    @AfterAll
    void stop()
    {
        if (distributed != null) {
            distributed.close();
        }
        if (singleNode != null) {
            singleNode.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesTheExpectedAnswer()
    {
        return SqlExample.load(EXAMPLES).stream().flatMap(example -> Stream.of(
                DynamicTest.dynamicTest(example.name() + " on three nodes", () -> assertAgrees(distributed, example)),
                DynamicTest.dynamicTest(example.name() + " on one node", () -> assertAgrees(singleNode, example))));
    }

    private static void assertAgrees(QueryRunner runner, SqlExample example)
    {
        MaterializedResult result = runner.execute(SESSION, example.sql());
        List<List<Object>> rows = new ArrayList<>();
        for (MaterializedRow row : result.getMaterializedRows()) {
            rows.add(row.getFields());
        }
        Optional<String> difference = example.compare(result.getColumnNames(), rows);
        assertThat(difference).as(example.sql()).isEmpty();
    }

    /** {@code CREATE TABLE memory.default.NAME} with the inferred types, then the rows in batches. */
    private static void load(QueryRunner runner, CsvTable table)
    {
        String name = table.file().getFileName().toString().replace(".csv", "");
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < table.columnNames().size(); c++) {
            columns.add(table.columnNames().get(c) + " " + trinoType(table.columnTypes().get(c)));
        }
        String create = "CREATE TABLE memory.default." + name + " (" + String.join(", ", columns) + ")";
        runner.execute(create);
        List<String> batch = new ArrayList<>();
        try (Enumerator<Object[]> rows = table.scan(null).enumerator()) {
            while (rows.moveNext()) {
                Object[] row = rows.current();
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.length; c++) {
                    values.add(literal(row[c], table.columnTypes().get(c)));
                }
                batch.add("(" + String.join(", ", values) + ")");
                if (batch.size() == BATCH) {
                    insert(runner, name, batch);
                }
            }
        }
        if (!batch.isEmpty()) {
            insert(runner, name, batch);
        }
    }

    private static void insert(QueryRunner runner, String table, List<String> batch)
    {
        runner.execute("INSERT INTO memory.default." + table + " VALUES " + String.join(", ", batch));
        batch.clear();
    }

    private static String trinoType(SqlTypeName type)
    {
        return switch (type) {
            case BIGINT -> "bigint";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp(3)";
            default -> "varchar";
        };
    }

    /** Calcite's internal value (days, milliseconds) as a Trino literal of the column's type. */
    private static String literal(Object value, SqlTypeName type)
    {
        if (value == null) {
            return "CAST(NULL AS " + trinoType(type) + ")";
        }
        return switch (type) {
            case BIGINT, BOOLEAN -> value.toString();
            case DOUBLE -> "DOUBLE '" + value + "'";
            case DATE -> "DATE '" + LocalDate.ofEpochDay(((Number) value).longValue()) + "'";
            case TIMESTAMP -> "TIMESTAMP '" + MILLIS.format(Instant.ofEpochMilli((Long) value).atOffset(ZoneOffset.UTC).toLocalDateTime()) + "'";
            default -> "'" + value.toString().replace("'", "''") + "'";
        };
    }
}

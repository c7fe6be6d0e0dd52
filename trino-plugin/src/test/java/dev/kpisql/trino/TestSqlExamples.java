package dev.kpisql.trino;

import dev.kpisql.calcite.examples.SqlExample;
import dev.kpisql.calcite.trino.TrinoFilesCatalog;
import io.trino.Session;
import io.trino.plugin.hive.HivePlugin;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Every example of {@code sql-examples/} gives its expected answer in Trino, on a three-node
 * cluster and on a single node, over the example CSV files with the column types the embedded
 * engine infers. The files are read by Trino's Hive connector, as {@code ./kpi trino start --data}
 * serves them ({@link TrinoFilesCatalog}: CSV tables under typed views), and copied once into the
 * memory connector, so that every example reads them from memory, spread over the nodes. The
 * embedded engine checks the same examples against the same expected files
 * (SqlExamplesConformanceTest in calcite-adapter), so the two engines agree with each other
 * through them.
 */
@TestInstance(PER_CLASS)
final class TestSqlExamples
{
    private static final Path EXAMPLES = Path.of(System.getProperty("kpi.root", "../..")).resolve("sql-examples");
    private static final Session SESSION = testSessionBuilder().setCatalog("memory").setSchema("default").build();

    private QueryRunner distributed;
    private QueryRunner singleNode;
    private Path files;

    @BeforeAll
    void loadData()
            throws Exception
    {
        distributed = KpiQueryRunner.distributed(2);
        singleNode = KpiQueryRunner.singleNode();
        // under target/, on the file system of sql-examples/, so that the files are linked, not copied
        Files.createDirectories(Path.of("target"));
        files = Files.createTempDirectory(Path.of("target"), "sql-examples-files-");
        CompletableFuture<Void> single = CompletableFuture.runAsync(() -> load(singleNode, files.resolve("single-node")));
        load(distributed, files.resolve("distributed"));
        single.join();
    }

    @AfterAll
    void stop()
            throws IOException
    {
        if (distributed != null) {
            distributed.close();
        }
        if (singleNode != null) {
            singleNode.close();
        }
        if (files != null) {
            try (Stream<Path> paths = Files.walk(files)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
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

    /**
     * The example files as the {@code files} catalog of {@code ./kpi trino start --data}, then each
     * table copied into {@code memory.default} by {@code CREATE TABLE … AS SELECT}.
     */
    private static void load(QueryRunner runner, Path root)
    {
        try {
            Files.createDirectories(root);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TrinoFilesCatalog catalog = new TrinoFilesCatalog("files", root);
        runner.installPlugin(new HivePlugin());
        runner.createCatalog("files", "hive", catalog.connectorProperties());
        for (String statement : catalog.synchronize(EXAMPLES.resolve("data"), System.err)) {
            runner.execute(statement);
        }
        for (MaterializedRow table : runner.execute("SHOW TABLES FROM files." + TrinoFilesCatalog.VIEW_SCHEMA).getMaterializedRows()) {
            String name = (String) table.getField(0);
            runner.execute("CREATE TABLE memory.default." + name + " AS SELECT * FROM files." + TrinoFilesCatalog.VIEW_SCHEMA + "." + name);
        }
    }
}

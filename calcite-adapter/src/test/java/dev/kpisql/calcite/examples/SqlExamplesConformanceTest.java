package dev.kpisql.calcite.examples;

import dev.kpisql.calcite.KpiEngine;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.KpiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Every example of {@code sql-examples/} gives its expected answer on the embedded engine, and so
 * does its plain-SQL version, from which the expected answer was computed: a stale expected file
 * fails here. Trino runs the same examples against the same files (TestSqlExamples in
 * trino-plugin). A new example is picked up without code changes.
 */
@TestInstance(PER_CLASS)
final class SqlExamplesConformanceTest
{
    static final Path EXAMPLES = Path.of("..", "sql-examples");

    private Connection connection;

    @BeforeAll
    void connect()
            throws SQLException
    {
        connection = KpiEngine.connect(EXAMPLES.resolve("data"));
    }

    @AfterAll
    void close()
            throws SQLException
    {
        connection.close();
    }

    @Test
    void everyExampleHasItsPlainSqlAndExpectedAnswer()
    {
        List<SqlExample> examples = SqlExample.load(EXAMPLES);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(25);
        for (SqlExample example : examples) {
            assertThat(example.question()).as(example.name()).isNotEmpty();
            assertThat(example.question().get(0)).as(example.name()).startsWith("Question: ");
            assertThat(Files.isRegularFile(example.plainFile())).as(example.plainFile().toString()).isTrue();
            assertThat(Files.isRegularFile(example.expectedFile())).as(example.expectedFile().toString()).isTrue();
        }
    }

    @Test
    void everyCatalogFunctionHasAnExample()
    {
        List<SqlExample> examples = SqlExample.load(EXAMPLES);
        for (KpiFunction function : Catalog.functions()) {
            Pattern call = Pattern.compile("\\b" + function.name() + "\\s*\\(", Pattern.CASE_INSENSITIVE);
            assertThat(examples).as("an example calls %s", function.name()).anyMatch(example -> call.matcher(example.sql()).find());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesTheExpectedAnswer()
    {
        return SqlExample.load(EXAMPLES).stream().flatMap(example -> Stream.of(
                DynamicTest.dynamicTest(example.name(), () -> assertAgrees(example, example.sql())),
                DynamicTest.dynamicTest(example.name() + " in plain SQL", () -> assertAgrees(example, example.plainSql()))));
    }

    private void assertAgrees(SqlExample example, String sql)
            throws SQLException
    {
        List<String> labels = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                labels.add(meta.getColumnLabel(c));
            }
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= labels.size(); c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
        }
        Optional<String> difference = example.compare(labels, rows);
        assertThat(difference).as(sql).isEmpty();
    }
}

package dev.kpisql.trino;

import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.KpiFunction;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The embedded engine's {@code SHOW FUNCTIONS} ({@code jdbc:kpi:}) lists the KPI functions exactly
 * as Trino with the plugin lists them — names, return and argument types in Trino's own spelling,
 * kinds, determinism, descriptions, order — except Trino's second TIMESTAMP precision: the embedded
 * engine registers TIMESTAMP arguments at milliseconds only. Both come from the catalog, so a
 * function family with new types (arrays, intervals, rows) is compared here without a line of
 * test code.
 */
@TestInstance(PER_CLASS)
final class TestEmbeddedShowFunctions
{
    private QueryRunner trino;

    @BeforeAll
    void start()
    {
        trino = KpiQueryRunner.singleNode();
    }

    @AfterAll
    void stop()
    {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void embeddedShowFunctionsIsTrinosForTheCatalog()
            throws SQLException
    {
        Set<String> names = Catalog.functions().stream().map(KpiFunction::name).collect(Collectors.toSet());
        List<List<Object>> expected = new ArrayList<>();
        for (MaterializedRow row : trino.execute("SHOW FUNCTIONS").getMaterializedRows()) {
            if (names.contains((String) row.getField(0)) && !((String) row.getField(2)).contains("timestamp(6)")) {
                expected.add(row.getFields());
            }
        }

        List<List<Object>> actual = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:kpi:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW FUNCTIONS")) {
            while (result.next()) {
                actual.add(List.of(result.getString(1), result.getString(2), result.getString(3), result.getString(4), result.getBoolean(5), result.getString(6)));
            }
        }
        assertThat(actual).isNotEmpty().containsExactlyElementsOf(expected);
    }
}

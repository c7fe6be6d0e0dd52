package dev.kpisql.trino;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The packaged plugin in a real Trino server ({@link RealTrinoServer}: {@code ./kpi trino start}
 * installs the zip that {@code package} just built), a few KPI queries through the Trino JDBC
 * driver over its {@code tpch} and {@code memory} catalogs. Runs in {@code ./mvnw verify}
 * (failsafe), after the zip exists.
 */
@TestInstance(PER_CLASS)
@Tag("server")
@ExtendWith(RealTrinoServer.Resolver.class)
final class KpiTrinoServerIT
{
    private RealTrinoServer server;

    @BeforeAll
    void useServer(RealTrinoServer server)
    {
        this.server = server;
    }

    @Test
    void serverLogSaysWhichTrinoThePluginIsForAndRunsOn()
            throws IOException
    {
        // the line the build was made for (this module's trino.version) and the server's own version
        String trino = System.getProperty("kpi.trino.version");
        assertThat(Files.readString(server.dir().resolve("data/var/log/server.log")))
                .contains("dev.kpisql.trino.KpiPlugin\tkpi-sql " + System.getProperty("kpi.version") + " for Trino 476 to 483 (built against Trino " + trino + ") is running on Trino " + trino);
    }

    @Test
    void npsOfTheReadmeExample()
            throws SQLException
    {
        assertThat(queryDouble("SELECT nps(score) FROM (VALUES 9, 10, 3) AS t(score)")).isCloseTo(100.0 / 3, within(1e-12));
    }

    @Test
    void npsOverTpchAgreesWithPlainSql()
            throws SQLException
    {
        String scores = "(SELECT CAST(quantity AS bigint) % 11 AS score FROM tpch.tiny.lineitem)";
        double nps = queryDouble("SELECT nps(score) FROM " + scores);
        double plain = queryDouble("SELECT 100e0 * (count_if(score >= 9) - count_if(score <= 6)) / count(*) FROM " + scores);
        assertThat(nps).isEqualTo(plain);
    }

    @Test
    void marginOfErrorAndCategory()
            throws SQLException
    {
        assertThat(queryDouble("SELECT nps_margin_of_error(score) FROM (VALUES 9, 10, 0) AS t(score)")).isCloseTo(106.68692614122908, within(1e-9));
        assertThat(queryDouble("SELECT nps_margin_of_error(score, 0.8) FROM (VALUES 9, 10, 0) AS t(score)")).isCloseTo(69.75883143664942, within(1e-9));
        assertThat(queryStrings("SELECT nps_category(score) FROM (VALUES 10, 7, 0) AS t(score) ORDER BY score DESC"))
                .containsExactly("promoter", "passive", "detractor");
    }

    @Test
    void memoryCatalogTable()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE memory.default.survey AS SELECT * FROM (VALUES ('web', 9), ('web', 3), ('app', 10)) AS t(channel, score)");
        }
        assertThat(queryStrings("SELECT channel || ':' || format('%.1f', nps(score)) FROM memory.default.survey GROUP BY channel ORDER BY channel"))
                .containsExactly("app:100.0", "web:0.0");
    }

    /**
     * A ROW answer reaches a JDBC client as {@code io.trino.jdbc.Row}, fields named, from the
     * packaged plugin with its bundled Apache Commons Statistics; the answer is ClickHouse's
     * 02158_proportions_ztest case (its interval, negated into treatment − control, in points),
     * and the aggregate runs over a real table.
     */
    @Test
    void experimentRowsReachJdbcWithTheirFieldNames()
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT two_proportion_z_test_from_counts(10, 100, 11, 101)")) {
            assertThat(result.next()).isTrue();
            io.trino.jdbc.Row row = (io.trino.jdbc.Row) result.getObject(1);
            assertThat(row.getFields()).extracting(field -> field.getName().orElseThrow())
                    .containsExactly("rate_control", "rate_treatment", "difference", "z", "p_value", "lower", "upper");
            assertThat((Double) row.getFields().get(5).getValue()).isCloseTo(-100 * 0.07563797172293502, within(1e-12));
            assertThat((Double) row.getFields().get(6).getValue()).isCloseTo(100 * 0.09345975390115283, within(1e-12));
        }
        // returnflag 'R' against 'N' over lineitem: a p-value from the packaged plugin's Student's t
        String welch = "SELECT (welch_t_test(quantity, returnflag, 'N')).p_value FROM tpch.tiny.lineitem WHERE returnflag IN ('N', 'R')";
        assertThat(queryDouble(welch)).isBetween(0.0, 1.0);
    }

    @Test
    void invalidScoreIsAUserError()
    {
        assertThatThrownBy(() -> queryDouble("SELECT nps(score) FROM (VALUES 11) AS t(score)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("nps: score 11 is outside 0..10");
    }

    private double queryDouble(String sql)
            throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            double value = result.getDouble(1);
            assertThat(result.wasNull()).as(sql).isFalse();
            assertThat(result.next()).isFalse();
            return value;
        }
    }

    private List<String> queryStrings(String sql)
            throws SQLException
    {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private Connection connect()
            throws SQLException
    {
        return server.connect("tpch", "tiny");
    }
}

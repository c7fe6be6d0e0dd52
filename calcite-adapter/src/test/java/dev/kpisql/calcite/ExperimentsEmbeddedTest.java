package dev.kpisql.calcite;

import dev.kpisql.udfs.catalog.ReferenceVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The experiment functions in the embedded engine through its JDBC driver: the scipy reference
 * vectors, ROW results read in every form SQL offers, JDBC's {@link Struct}, one aggregation for
 * several fields, and the CHAR padding of labels.
 */
@TestInstance(PER_CLASS)
final class ExperimentsEmbeddedTest
{
    static final Path VECTORS = Path.of("..", "udfs", "src", "test", "resources", "experiments", "reference-vectors.tsv");

    /**
     * Control "b": 2 of 4 converted; treatment "a": 1 of 5 (the catalog's BIGINT example):
     * z = −0.9486832980505138, p = 0.34278171114791145.
     */
    private static final String TABLE = "(VALUES (TRUE, 'b'), (TRUE, 'b'), (FALSE, 'b'), (FALSE, 'b'), (TRUE, 'a'), (FALSE, 'a'), (FALSE, 'a'), (FALSE, 'a'), (FALSE, 'a')) AS t(c, v)";
    private static final double Z = -0.9486832980505138;
    private static final double P = 0.34278171114791145;

    private Connection connection;

    @BeforeAll
    void connect()
            throws SQLException
    {
        connection = DriverManager.getConnection("jdbc:kpi:");
    }

    @AfterAll
    void close()
            throws SQLException
    {
        connection.close();
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceVectorGivesItsAnswer()
    {
        return ReferenceVector.load(VECTORS).stream().map(vector -> DynamicTest.dynamicTest(vector.name(), () -> {
            List<Object> rows = column(vector.sql());
            assertThat(rows).as(vector.sql()).hasSize(1);
            Object actual = rows.get(0) instanceof Struct struct ? Arrays.asList(struct.getAttributes()) : rows.get(0);
            assertThat(vector.matches(actual)).as("%s gave %s, expected %s", vector.sql(), actual, vector.expected()).isTrue();
        }));
    }

    @Test
    void aFieldIsReadFromTheCallOrFromASubqueryColumn()
            throws SQLException
    {
        String call = "two_proportion_z_test(c, v, 'b')";
        assertThat(single("SELECT (" + call + ").p_value FROM " + TABLE)).isCloseTo(P, within(1e-15));
        assertThat(single("SELECT " + call + ".z FROM " + TABLE)).isCloseTo(Z, within(1e-15));
        assertThat(single("SELECT s.r.z FROM (SELECT " + call + " AS r FROM " + TABLE + ") s")).isCloseTo(Z, within(1e-15));
        assertThat(single("SELECT (s.r).p_value FROM (SELECT " + call + " AS r FROM " + TABLE + ") s")).isCloseTo(P, within(1e-15));
        // Calcite reads a bare r.z as column z of a table r: qualify the column (s.r.z) or parenthesise it
        assertThatThrownBy(() -> single("SELECT r.z FROM (SELECT " + call + " AS r FROM " + TABLE + ") s"))
                .isInstanceOf(SQLException.class).hasMessageContaining("Table 'r' not found");
        // the scalars alike
        assertThat(single("SELECT (rate_interval_from_counts(3, 5)).lower")).isCloseTo(23.072428127601295, within(1e-12));
        assertThat(single("SELECT s.r.upper FROM (SELECT rate_interval_from_counts(3, 5) AS r) s")).isCloseTo(88.2379225767352, within(1e-12));
    }

    @Test
    void aRowIsAJdbcStructOfItsFieldValues()
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT two_proportion_z_test(c, v, 'b') AS test FROM " + TABLE)) {
            assertThat(result.getMetaData().getColumnType(1)).isEqualTo(Types.STRUCT);
            assertThat(result.next()).isTrue();
            Object[] fields = ((Struct) result.getObject(1)).getAttributes();
            assertThat(fields).hasSize(7);
            assertThat(fields[0]).isEqualTo(50.0);
            assertThat(fields[1]).isEqualTo(20.0);
            assertThat((Double) fields[3]).isCloseTo(Z, within(1e-15));
            assertThat((Double) fields[4]).isCloseTo(P, within(1e-15));
        }
        // a NULL field and a NULL row
        assertThat(column("SELECT two_proportion_z_test(c, v, 'b') FROM (VALUES (FALSE, 'a'), (FALSE, 'b')) AS t(c, v)").get(0))
                .satisfies(row -> assertThat(((Struct) row).getAttributes()).containsExactly(0.0, 0.0, 0.0, null, null, null, null));
        assertThat(column("SELECT two_proportion_z_test(c, v, 'b') FROM (VALUES (FALSE, 'a')) AS t(c, v)")).containsExactly((Object) null);
    }

    @Test
    void severalFieldsOfOneCallAreOneAggregation()
            throws SQLException
    {
        String plan = (String) column("EXPLAIN PLAN FOR SELECT (two_proportion_z_test(c, v, 'b')).z, (two_proportion_z_test(c, v, 'b')).p_value FROM " + TABLE).get(0);
        Matcher calls = Pattern.compile("TWO_PROPORTION_Z_TEST\\(", Pattern.CASE_INSENSITIVE).matcher(plan);
        int count = 0;
        while (calls.find()) {
            count++;
        }
        assertThat(count).as(plan).isEqualTo(1);
        assertThat(plan).contains("EnumerableAggregate");
    }

    @Test
    void paddedLabelsOfACaseAreTheValuesTheyCompareEqualTo()
            throws SQLException
    {
        // CASE over 'b' and 'longer' is CHAR(6): 'b' arrives as 'b     ', which = 'b' holds
        String padded = "SELECT (two_proportion_z_test(c, CASE WHEN v = 'b' THEN 'b' ELSE 'longer' END, 'b', 0.95,"
                + " CASE WHEN c THEN 'less' ELSE 'less' END)).z FROM " + TABLE;
        assertThat(single(padded)).isCloseTo(Z, within(1e-15));
        assertThat(single("SELECT (srm_test(CASE WHEN c THEN 'yes' ELSE 'no' END, 0.5)).variants FROM " + TABLE)).isEqualTo(2.0);
    }

    @Test
    void groupByExperimentGivesOneTestPerExperiment()
            throws SQLException
    {
        String sql = "SELECT e, (two_proportion_z_test(c, v, 'b')).z FROM (VALUES ('x', TRUE, 'b'), ('x', TRUE, 'b'), ('x', FALSE, 'b'), ('x', FALSE, 'b'),"
                + " ('x', TRUE, 'a'), ('x', FALSE, 'a'), ('x', FALSE, 'a'), ('x', FALSE, 'a'), ('x', FALSE, 'a'), ('y', FALSE, 'a'), ('y', FALSE, 'b')) AS t(e, c, v)"
                + " GROUP BY e ORDER BY e";
        List<Object> z = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                z.add(result.getObject(2));
            }
        }
        assertThat(z).hasSize(2);
        assertThat((Double) z.get(0)).isCloseTo(Z, within(1e-15));
        // experiment y: no conversions at all, so no z
        assertThat(z.get(1)).isNull();
    }

    /**
     * Calcite casts a function's arguments to a signature it has, so a control of another type
     * than the variant is cast to the variant's type (Trino has no such signature and rejects the
     * call): 1 is '1' for a VARCHAR variant.
     */
    @Test
    void aControlOfAnotherTypeIsCastToTheVariantsType()
            throws SQLException
    {
        String numbered = "(VALUES (TRUE, '2'), (TRUE, '2'), (FALSE, '2'), (FALSE, '2'), (TRUE, '1'), (FALSE, '1'), (FALSE, '1'), (FALSE, '1'), (FALSE, '1')) AS t(c, v)";
        assertThat(single("SELECT (two_proportion_z_test(c, v, 2)).z FROM " + numbered)).isCloseTo(Z, within(1e-15));
        assertThat(column("SELECT two_proportion_z_test(c, v, TRUE) FROM " + TABLE)).containsExactly((Object) null);
    }

    @Test
    void aColumnNamedVariantIsQuotedInTheEmbeddedEngine()
            throws SQLException
    {
        // VARIANT is a keyword of Calcite 1.42 (its VARIANT type)
        assertThat(single("SELECT (two_proportion_z_test(c, \"variant\", 'b')).z FROM (SELECT c, v AS \"variant\" FROM " + TABLE + ")")).isCloseTo(Z, within(1e-15));
        assertThatThrownBy(() -> single("SELECT (two_proportion_z_test(c, variant, 'b')).z FROM (SELECT c, v AS \"variant\" FROM " + TABLE + ")"))
                .isInstanceOf(SQLException.class);
    }

    private double single(String sql)
            throws SQLException
    {
        List<Object> values = column(sql);
        assertThat(values).as(sql).hasSize(1);
        return ((Number) values.get(0)).doubleValue();
    }

    private List<Object> column(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<Object> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getObject(1));
            }
            return values;
        }
    }
}

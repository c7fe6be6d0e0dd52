package dev.kpisql.calcite;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.catalog.BadInputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The bad-input matrix ({@link BadInputs}) in the embedded engine, through {@code jdbc:kpi:}:
 * every case is NULL, or a SQLException with the contract's SQLSTATE whose message names the
 * function, the argument and the bad value.
 */
@TestInstance(PER_CLASS)
final class BadInputMatrixJdbcTest
{
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
    Stream<DynamicTest> everyCaseHasTheContractsOutcome()
    {
        return BadInputs.cases().stream().map(badInput -> DynamicTest.dynamicTest(badInput.name(), () -> assertOutcome(badInput)));
    }

    private void assertOutcome(BadInputs.Case badInput)
            throws SQLException
    {
        String sql = badInput.sql();
        BadInputs.Rejection rejection = badInput.rejection();
        if (rejection == null) {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                assertThat(result.next()).as(sql).isTrue();
                assertThat(result.getObject(1)).as(sql).isNull();
                assertThat(result.next()).as(sql).isFalse();
            }
            return;
        }
        SQLException error = catchThrowableOfType(SQLException.class, () -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                throw new AssertionError(sql + " gave " + result.getObject(1) + ", expected " + rejection);
            }
        });
        assertThat(error.getSQLState()).as(error.getMessage())
                .isEqualTo(rejection.kind() == KpiException.Kind.OVERFLOW ? KpiErrors.OUT_OF_RANGE : KpiErrors.INVALID_ARGUMENT);
        assertThat(rejection.matches(error.getMessage())).as("%s: '%s' should match %s", sql, error.getMessage(), rejection).isTrue();
    }
}

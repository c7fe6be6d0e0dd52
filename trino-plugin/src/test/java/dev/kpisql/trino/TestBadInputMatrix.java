package dev.kpisql.trino;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.catalog.BadInputs;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.stream.Stream;

import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.trino.testing.assertions.TrinoExceptionAssert.assertTrinoExceptionThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The bad-input matrix ({@link BadInputs}) on a three-node cluster: every case is NULL, or a
 * user error ({@code INVALID_FUNCTION_ARGUMENT}, {@code NUMERIC_VALUE_OUT_OF_RANGE} for an
 * overflow) whose message names the function, the argument and the bad value — never an
 * internal error.
 */
@TestInstance(PER_CLASS)
final class TestBadInputMatrix
{
    private QueryRunner runner;

    @BeforeAll
    void startCluster()
            throws Exception
    {
        runner = KpiQueryRunner.distributed(2);
    }

    @AfterAll
    void stopCluster()
    {
        if (runner != null) {
            runner.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHasTheContractsOutcome()
    {
        return BadInputs.cases().stream().map(badInput -> DynamicTest.dynamicTest(badInput.name(), () -> assertOutcome(badInput)));
    }

    private void assertOutcome(BadInputs.Case badInput)
    {
        String sql = badInput.sql();
        BadInputs.Rejection rejection = badInput.rejection();
        if (rejection == null) {
            MaterializedResult result = runner.execute(sql);
            assertThat(result.getRowCount()).as(sql).isEqualTo(1);
            assertThat(result.getOnlyValue()).as(sql).isNull();
            return;
        }
        assertTrinoExceptionThrownBy(() -> runner.execute(sql))
                .hasErrorCode(rejection.kind() == KpiException.Kind.OVERFLOW ? NUMERIC_VALUE_OUT_OF_RANGE : INVALID_FUNCTION_ARGUMENT)
                .satisfies(error -> assertThat(rejection.matches(error.getMessage())).as("%s: '%s' should match %s", sql, error.getMessage(), rejection).isTrue());
    }
}

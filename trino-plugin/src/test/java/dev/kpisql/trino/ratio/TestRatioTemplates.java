package dev.kpisql.trino.ratio;

import dev.kpisql.trino.KpiQueryRunner;
import io.trino.spi.Plugin;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Set;

import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The adapters of the two generic kernels work on a cluster before any catalog function uses
 * them: the core's state interfaces become Trino states as they are, NULL rows are skipped, a
 * zero denominator is NULL, and errors keep their kind.
 */
@TestInstance(PER_CLASS)
final class TestRatioTemplates
{
    private QueryAssertions assertions;

    @BeforeAll
    void startCluster()
            throws Exception
    {
        QueryRunner runner = KpiQueryRunner.distributed(2);
        runner.installPlugin(new Plugin()
        {
            @Override
            public Set<Class<?>> getFunctions()
            {
                return Set.of(TemplateCountRatioAggregation.class, TemplateCountIfAggregation.class);
            }
        });
        assertions = new QueryAssertions(runner);
    }

    @AfterAll
    void stopCluster()
    {
        if (assertions != null) {
            assertions.close();
        }
    }

    @Test
    void countRatio()
    {
        assertThat(assertions.query("SELECT g, template_count_ratio(clicks, impressions) FROM (VALUES ('a', 1, 10), ('a', 2, 10), ('a', NULL, 50), ('b', 0, 0)) AS t(g, clicks, impressions) GROUP BY g"))
                .matches("VALUES ('a', 15e0), ('b', CAST(NULL AS double))");
    }

    @Test
    void countRatioOverTpch()
    {
        // orders with priority 1-URGENT over all orders, each order its own row
        assertThat(assertions.query("SELECT template_count_ratio(IF(orderpriority = '1-URGENT', 1, 0), 1) FROM orders"))
                .matches("SELECT 100e0 * count_if(orderpriority = '1-URGENT') / count(*) FROM orders");
    }

    @Test
    void countRatioErrors()
    {
        assertThat(assertions.query("SELECT template_count_ratio(-1, 10)"))
                .failure()
                .hasErrorCode(INVALID_FUNCTION_ARGUMENT)
                .hasMessage("template_count_ratio: clicks -1 is negative");
        assertThat(assertions.query("SELECT template_count_ratio(clicks, 1) FROM (VALUES 9223372036854775807, 1) AS t(clicks)"))
                .failure()
                .hasErrorCode(NUMERIC_VALUE_OUT_OF_RANGE)
                .hasMessage("template_count_ratio: sum of clicks overflows BIGINT");
    }

    @Test
    void countIf()
    {
        assertThat(assertions.query("SELECT g, template_count_if(converted) FROM (VALUES ('a', true), ('a', false), ('a', NULL), ('a', true), ('a', false), ('b', NULL)) AS t(g, converted) GROUP BY g"))
                .matches("VALUES ('a', 50e0), ('b', CAST(NULL AS double))");
        assertThat(assertions.query("SELECT template_count_if(converted) OVER (ORDER BY o) FROM (VALUES (1, true), (2, false)) AS t(o, converted)"))
                .matches("VALUES 100e0, 50e0");
    }

    @Test
    void countIfOverTpch()
    {
        assertThat(assertions.query("SELECT orderstatus, template_count_if(totalprice > 100000) FROM orders GROUP BY orderstatus"))
                .matches("SELECT orderstatus, 100e0 * count_if(totalprice > 100000) / count(*) FROM orders GROUP BY orderstatus");
    }
}

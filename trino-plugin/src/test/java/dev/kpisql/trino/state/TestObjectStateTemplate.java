package dev.kpisql.trino.state;

import dev.kpisql.trino.KpiQueryRunner;
import io.trino.spi.Plugin;
import io.trino.sql.query.QueryAssertions;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * An object state on a three-node cluster: single and grouped states, VARBINARY intermediate
 * states that travel between nodes and are deserialized into reused states, windows, and
 * NULL for an empty group.
 */
@TestInstance(PER_CLASS)
final class TestObjectStateTemplate
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
                return Set.of(TemplateCountDistinctAggregation.class);
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
    void globalAndGroupedAgreeWithCountDistinct()
    {
        assertThat(assertions.query("SELECT template_count_distinct(custkey), template_count_distinct(CAST(custkey AS varchar)) FROM orders"))
                .matches("SELECT CAST(count(DISTINCT custkey) AS double), CAST(count(DISTINCT custkey) AS double) FROM orders");
        assertThat(assertions.query("SELECT orderpriority, orderstatus, template_count_distinct(custkey) FROM orders GROUP BY orderpriority, orderstatus"))
                .matches("SELECT orderpriority, orderstatus, CAST(count(DISTINCT custkey) AS double) FROM orders GROUP BY orderpriority, orderstatus");
        assertThat(assertions.query("SELECT suppkey, template_count_distinct(orderkey) FROM lineitem GROUP BY suppkey"))
                .matches("SELECT suppkey, CAST(count(DISTINCT orderkey) AS double) FROM lineitem GROUP BY suppkey");
    }

    @Test
    void groupingSetsAndFilter()
    {
        assertThat(assertions.query("SELECT orderstatus, template_count_distinct(custkey) FILTER (WHERE totalprice > 100000) FROM orders GROUP BY GROUPING SETS ((orderstatus), ())"))
                .matches("SELECT orderstatus, CAST(count(DISTINCT custkey) FILTER (WHERE totalprice > 100000) AS double) FROM orders GROUP BY GROUPING SETS ((orderstatus), ())");
    }

    @Test
    void window()
    {
        assertThat(assertions.query("SELECT o, template_count_distinct(id) OVER (ORDER BY o) FROM (VALUES (1, 'a'), (2, 'b'), (3, 'a')) AS t(o, id)"))
                .matches("VALUES (1, 1e0), (2, 2e0), (3, 2e0)");
    }

    @Test
    void emptyGroupIsNull()
    {
        assertThat(assertions.query("SELECT template_count_distinct(id) FROM (VALUES CAST(NULL AS varchar)) AS t(id)"))
                .matches("VALUES CAST(NULL AS double)");
    }
}

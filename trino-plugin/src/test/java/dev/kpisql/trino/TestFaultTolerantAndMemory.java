package dev.kpisql.trino;

import io.trino.Session;
import io.trino.plugin.exchange.filesystem.FileSystemExchangePlugin;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.trino.testing.assertions.TrinoExceptionAssert.assertTrinoExceptionThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The KPI aggregates under Trino's fault-tolerant execution — every intermediate state
 * serialized, spooled to a local file-system exchange and read back by another task — give the
 * answers of the ordinary pipelined cluster; and a query whose distinct-id states outgrow the
 * per-node memory limit fails with Trino's memory-limit error while the cluster answers the next
 * query.
 */
@TestInstance(PER_CLASS)
final class TestFaultTolerantAndMemory
{
    /** Every aggregate family over tpch: counts, sums, distinct-id sets, sketches. */
    private static final String KPIS = """
            SELECT returnflag,
                   nps(CAST(quantity AS bigint) % 11) AS nps,
                   csat(CAST(quantity AS bigint) % 5 + 1) AS csat,
                   churn_rate(linestatus = 'F') AS churn,
                   mrr(extendedprice) AS mrr,
                   arr(extendedprice, CASE WHEN shipmode = 'AIR' THEN 'annual' ELSE 'monthly' END) AS arr,
                   net_revenue_retention(extendedprice, extendedprice * (1 - discount)) AS nrr,
                   arpu(extendedprice, suppkey) AS arpu,
                   arppu(extendedprice * discount, suppkey) AS arppu,
                   sessions_per_user(orderkey, suppkey) AS sessions_per_user,
                   pages_per_session(orderkey) AS pages_per_session,
                   feature_adoption_rate(CAST(suppkey AS varchar), discount > 0.05) AS adoption,
                   dau_mau(suppkey, shipdate) AS dau_mau,
                   approx_dau_mau(suppkey, shipdate) AS approx_dau_mau,
                   avg_session_duration(CAST(shipdate AS timestamp(3)), CAST(receiptdate AS timestamp(3))) AS duration,
                   bounce_rate(linenumber) AS bounce,
                   window_funnel(INTERVAL '30' DAY, CAST(shipdate AS timestamp(3)), ARRAY[linestatus = 'O', shipmode = 'AIR', discount > 0.05]) AS funnel,
                   retention(ARRAY[linestatus = 'O', shipmode = 'AIR', discount > 0.05]) AS retention,
                   sequence_count('(?1)(?t<=86400)(?2)', CAST(shipdate AS timestamp(3)), ARRAY[shipmode = 'AIR', shipmode = 'MAIL']) AS sequences,
                   session_count(orderkey, 3) AS sessions
            FROM lineitem
            GROUP BY returnflag
            ORDER BY returnflag
            """;

    private QueryRunner pipelined;
    private QueryRunner faultTolerant;
    private Path exchange;

    @BeforeAll
    void startClusters()
            throws Exception
    {
        pipelined = KpiQueryRunner.distributed(2);
        exchange = Files.createTempDirectory("kpi-exchange");
        DistributedQueryRunner runner = DistributedQueryRunner.builder(KpiQueryRunner.SESSION)
                .setWorkerCount(2)
                .setExtraProperties(Map.of(
                        "retry-policy", "TASK",
                        // the default estimate (5GB a task) would not fit the test JVM
                        "fault-tolerant-execution-task-memory", "100MB"))
                .setAdditionalSetup(setup -> {
                    setup.installPlugin(new FileSystemExchangePlugin());
                    setup.loadExchangeManager("filesystem", Map.of("exchange.base-directories", exchange.toAbsolutePath().toString()));
                })
                .build();
        faultTolerant = KpiQueryRunner.withCatalogs(runner);
    }

    @AfterAll
    void stopClusters()
    {
        if (pipelined != null) {
            pipelined.close();
        }
        if (faultTolerant != null) {
            faultTolerant.close();
        }
    }

    @Test
    void spooledStatesGiveThePipelinedAnswers()
    {
        MaterializedResult expected = pipelined.execute(KPIS);
        MaterializedResult actual = faultTolerant.execute(KPIS);
        assertThat(actual.getRowCount()).isEqualTo(3);
        assertThat(actual.getMaterializedRows()).hasSameSizeAs(expected.getMaterializedRows());
        for (int row = 0; row < expected.getRowCount(); row++) {
            for (int column = 0; column < expected.getTypes().size(); column++) {
                Object want = expected.getMaterializedRows().get(row).getField(column);
                Object got = actual.getMaterializedRows().get(row).getField(column);
                if (want instanceof Double number) {
                    // sums may add in another order: 1e-12 relative
                    assertThat((Double) got).as("row %s, column %s", row, column).isCloseTo(number, org.assertj.core.api.Assertions.within(Math.abs(number) * 1e-12));
                }
                else {
                    assertThat(got).as("row %s, column %s", row, column).isEqualTo(want);
                }
            }
        }
    }

    @Test
    void outgrowingTheMemoryLimitFailsCleanlyAndTheClusterAnswersOn()
    {
        Session lowMemory = Session.builder(KpiQueryRunner.SESSION)
                .setSystemProperty("query_max_memory_per_node", "4MB")
                .build();
        // 150 million distinct orders as users, each on its day: an exact state far beyond 4 MB
        assertTrinoExceptionThrownBy(() -> pipelined.execute(lowMemory, "SELECT dau_mau(orderkey, orderdate) FROM tpch.sf100.orders"))
                .hasErrorCode(io.trino.spi.StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
        assertTrinoExceptionThrownBy(() -> pipelined.execute(lowMemory, "SELECT orderstatus, sessions_per_user(orderkey, custkey) FROM tpch.sf100.orders GROUP BY orderstatus"))
                .hasErrorCode(io.trino.spi.StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
        // the event states (S5): 150 million events, each its own session, in one group
        assertTrinoExceptionThrownBy(() -> pipelined.execute(lowMemory, "SELECT window_funnel(86400, orderkey, ARRAY[orderstatus = 'F', orderstatus = 'O']) FROM tpch.sf100.orders"))
                .hasErrorCode(io.trino.spi.StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
        assertTrinoExceptionThrownBy(() -> pipelined.execute(lowMemory, "SELECT orderstatus, sequence_count('(?1).*(?2)', orderkey, ARRAY[orderpriority = '1-URGENT', orderpriority = '5-LOW']) FROM tpch.sf100.orders GROUP BY orderstatus"))
                .hasErrorCode(io.trino.spi.StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
        assertTrinoExceptionThrownBy(() -> pipelined.execute(lowMemory, "SELECT session_count(orderkey, 0) FROM tpch.sf100.orders"))
                .hasErrorCode(io.trino.spi.StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
        assertThat(pipelined.execute("SELECT nps(score) FROM (VALUES 9, 10, 3) AS t(score)").getOnlyValue())
                .isEqualTo(100.0 / 3);
    }
}

package dev.kpisql.trino;

import io.trino.Session;
import io.trino.plugin.memory.MemoryPlugin;
import io.trino.plugin.tpch.TpchPlugin;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.QueryRunner;
import io.trino.testing.StandaloneQueryRunner;

import java.util.Map;

import static io.trino.testing.TestingSession.testSessionBuilder;

/**
 * Query runners with the KPI plugin and the {@code tpch} and {@code memory} catalogs. The
 * distributed one has a coordinator and two workers, and tpch cuts each table into several
 * splits per node, so aggregations run as partial aggregations on every node and a final one
 * that combines them.
 */
public final class KpiQueryRunner
{
    public static final Session SESSION = testSessionBuilder()
            .setCatalog("tpch")
            .setSchema("tiny")
            .build();

    private KpiQueryRunner() {}

    /** A coordinator and {@code workers} workers. */
    public static QueryRunner distributed(int workers)
            throws Exception
    {
        QueryRunner runner = DistributedQueryRunner.builder(SESSION)
                .setWorkerCount(workers)
                .build();
        return withCatalogs(runner);
    }

    /** One server doing everything, for comparing answers with the distributed runner. */
    public static QueryRunner singleNode()
    {
        return withCatalogs(new StandaloneQueryRunner(SESSION));
    }

    static QueryRunner withCatalogs(QueryRunner runner)
    {
        try {
            runner.installPlugin(new TpchPlugin());
            runner.createCatalog("tpch", "tpch", Map.of("tpch.splits-per-node", "4"));
            runner.installPlugin(new MemoryPlugin());
            runner.createCatalog("memory", "memory", Map.of("memory.max-data-per-node", "1GB"));
            runner.installPlugin(new KpiPlugin());
            return runner;
        }
        catch (RuntimeException | Error e) {
            runner.close();
            throw e;
        }
    }
}

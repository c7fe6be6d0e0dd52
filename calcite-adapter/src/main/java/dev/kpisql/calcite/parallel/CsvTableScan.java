package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.csv.CsvTable;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * The scan of a {@link CsvTable}: Calcite's own enumerable scan, which reads the table's rows
 * through {@link CsvTable#scan}, and the one place that tells the planner about
 * {@link ParallelAggregateRule}. A planner meets this scan in every query over a CSV table and
 * then adds the rule, unless the table's options turn it off ({@code kpi.pushdown=false}).
 */
public final class CsvTableScan
        extends EnumerableTableScan
{
    private final CsvTable csvTable;

    private CsvTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, CsvTable csvTable)
    {
        super(cluster, traits, table, Object[].class);
        this.csvTable = csvTable;
    }

    public static CsvTableScan create(RelOptCluster cluster, RelOptTable table, CsvTable csvTable)
    {
        return new CsvTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, csvTable);
    }

    public CsvTable csvTable()
    {
        return csvTable;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs)
    {
        return new CsvTableScan(getCluster(), traitSet, getTable(), csvTable);
    }

    @Override
    public void register(RelOptPlanner planner)
    {
        super.register(planner);
        if (csvTable.options().pushdown()) {
            ParallelAggregateRule.all().forEach(planner::addRule);
        }
    }
}

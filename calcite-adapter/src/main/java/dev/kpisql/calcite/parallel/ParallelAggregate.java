package dev.kpisql.calcite.parallel;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * An aggregation that runs inside the scan of a CSV table, on every thread: what
 * {@link ParallelAggregateRule} puts in place of {@code Aggregate(Filter?(Project?(scan)))}. A
 * leaf of the plan; its generated code hands the {@link AggregationPlan} the query's context and
 * returns its rows. {@code EXPLAIN PLAN} shows it as {@code ParallelAggregate} with its table,
 * condition, keys and calls.
 */
public final class ParallelAggregate
        extends AbstractRelNode
        implements EnumerableRel
{
    private final RelOptTable table;
    private final AggregationPlan plan;
    private final RelDataType rowType;

    ParallelAggregate(RelOptCluster cluster, RelOptTable table, AggregationPlan plan, RelDataType rowType)
    {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
        this.table = table;
        this.plan = plan;
        this.rowType = rowType;
    }

    public AggregationPlan plan()
    {
        return plan;
    }

    @Override
    protected RelDataType deriveRowType()
    {
        return rowType;
    }

    @Override
    public RelNode copy(org.apache.calcite.plan.RelTraitSet traitSet, List<RelNode> inputs)
    {
        return this;
    }

    @Override
    public RelOptTable getTable()
    {
        return table;
    }

    /**
     * Cheaper than any plan of Calcite's for the same rows: it reads the file once, on every
     * core, and hands on one row per group.
     */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq)
    {
        return planner.getCostFactory().makeTinyCost();
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq)
    {
        return plan.keys().isEmpty() ? 1 : 100;
    }

    @Override
    public RelWriter explainTerms(RelWriter writer)
    {
        return super.explainTerms(writer)
                .item("table", table.getQualifiedName())
                .itemIf("where", plan.where(), plan.where() != null)
                .item("keys", plan.keys())
                .item("calls", plan.calls());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer preference)
    {
        // a row of one column is the value itself (Calcite's SCALAR format), of more an Object[]
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        boolean scalar = physType.getFormat() == JavaRowFormat.SCALAR;
        Expression stashed = implementor.stash(plan, AggregationPlan.class);
        return implementor.result(physType, Blocks.toBlock(
                Expressions.call(stashed, "execute", implementor.getRootExpression(), Expressions.constant(scalar))));
    }
}

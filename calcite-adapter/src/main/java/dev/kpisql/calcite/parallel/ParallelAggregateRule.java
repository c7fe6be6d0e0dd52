package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.KpiAggFunction;
import dev.kpisql.calcite.KpiRuntime;
import dev.kpisql.calcite.KpiSignature;
import dev.kpisql.calcite.parallel.AggregationPlan.Call;
import dev.kpisql.calcite.parallel.AggregationPlan.Function;
import dev.kpisql.calcite.parallel.Vector.Kind;
import dev.kpisql.udfs.catalog.ArgType;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilderFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The planner rule that pushes an aggregation into the scan of a CSV table, where it runs on
 * every thread ({@link ParallelAggregate}). It matches an {@code Aggregate} over a chain of up to
 * three {@code Project}s and {@code Filter}s over a {@link CsvTableScan}, with one set of GROUP BY
 * keys, when every key, argument and condition is an expression {@link VectorExpression}
 * computes and every call is one of:
 *
 * <ul>
 * <li>{@code count(*)}, {@code count(x, ...)}, {@code count(DISTINCT x)};</li>
 * <li>{@code sum(x)} of a BIGINT or DOUBLE (and Calcite's {@code $SUM0}, into which {@code avg}
 * turns);</li>
 * <li>{@code min(x)}, {@code max(x)} of a BIGINT, DOUBLE, DATE, TIMESTAMP or VARCHAR;</li>
 * <li>a catalog aggregate whose arguments are BIGINT, DOUBLE, VARCHAR, BOOLEAN, DATE or
 * TIMESTAMP values of its signature's types and whose result is a DOUBLE, BIGINT, BOOLEAN or
 * VARCHAR;</li>
 * </ul>
 *
 * each with an optional {@code FILTER (WHERE …)}. Anything else — another aggregate function, an
 * argument or result of another type (an ARRAY, an INTERVAL, a ROW), {@code DISTINCT} on anything
 * but {@code count}, GROUPING SETS, an expression it does not compute — leaves the query to
 * Calcite's own plan, unchanged. The table's {@code kpi.pushdown} option keeps the rule out of
 * the planner altogether ({@link CsvTableScan#register}).
 */
public final class ParallelAggregateRule
        extends RelRule<ParallelAggregateRule.Config>
{
    private ParallelAggregateRule(Config config)
    {
        super(config);
    }

    /** The rule for each shape of the chain between the aggregate and the scan. */
    static List<RelOptRule> all()
    {
        return List.of(
                rule("scan", b -> b.operand(CsvTableScan.class).noInputs()),
                rule("project", b -> b.operand(LogicalProject.class).oneInput(scan())),
                rule("filter", b -> b.operand(LogicalFilter.class).oneInput(scan())),
                rule("project-filter", b -> b.operand(LogicalProject.class).oneInput(f -> f.operand(LogicalFilter.class).oneInput(scan()))),
                rule("filter-project", b -> b.operand(LogicalFilter.class).oneInput(p -> p.operand(LogicalProject.class).oneInput(scan()))),
                rule("project-filter-project", b -> b.operand(LogicalProject.class)
                        .oneInput(f -> f.operand(LogicalFilter.class).oneInput(p -> p.operand(LogicalProject.class).oneInput(scan())))));
    }

    private static OperandTransform scan()
    {
        return b -> b.operand(CsvTableScan.class).noInputs();
    }

    private static RelOptRule rule(String shape, OperandTransform input)
    {
        return new Config(RelFactories.LOGICAL_BUILDER, "ParallelAggregateRule(" + shape + ")",
                b -> b.operand(LogicalAggregate.class).oneInput(input)).toRule();
    }

    @Override
    public void onMatch(RelOptRuleCall call)
    {
        Aggregate aggregate = call.rel(0);
        CsvTableScan scan = call.rel(call.rels.length - 1);
        AggregationPlan plan = plan(aggregate, List.of(call.rels).subList(1, call.rels.length - 1), scan);
        if (plan != null) {
            call.transformTo(new ParallelAggregate(aggregate.getCluster(), scan.getTable(), plan, aggregate.getRowType()));
        }
    }

    /** The plan of the aggregation, or null when any part of it is not one the parallel aggregation computes. */
    static AggregationPlan plan(Aggregate aggregate, List<RelNode> chain, CsvTableScan scan)
    {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getGroupCount() > 64) {
            return null;
        }
        RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
        VectorExpression.Scope scope = new VectorExpression.Scope(rexBuilder, scan.getRowType().getFieldNames());
        // the aggregate's input fields and the conditions, over the scan's columns
        List<RexNode> fields = new ArrayList<>();
        for (int f = 0; f < scan.getRowType().getFieldCount(); f++) {
            fields.add(new RexInputRef(f, scan.getRowType().getFieldList().get(f).getType()));
        }
        List<RexNode> conditions = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            RelNode node = chain.get(i);
            RexShuttle overScan = inline(fields);
            if (node instanceof LogicalFilter filter) {
                conditions.add(filter.getCondition().accept(overScan));
            }
            else {
                List<RexNode> projected = new ArrayList<>();
                for (RexNode expression : ((LogicalProject) node).getProjects()) {
                    projected.add(expression.accept(overScan));
                }
                fields = projected;
            }
        }
        VectorExpression where = null;
        if (!conditions.isEmpty()) {
            where = VectorExpression.translate(RexUtil.composeConjunction(rexBuilder, conditions), scope);
            if (where == null || where.kind() != Kind.BOOLEAN) {
                return null;
            }
        }
        List<VectorExpression> keys = new ArrayList<>();
        for (int field : aggregate.getGroupSet()) {
            VectorExpression key = VectorExpression.translate(fields.get(field), scope);
            if (key == null) {
                return null;
            }
            keys.add(key);
        }
        List<Call> calls = new ArrayList<>();
        for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
            Call translated = call(aggregateCall, fields, scope);
            if (translated == null) {
                return null;
            }
            calls.add(translated);
        }
        return new AggregationPlan(scan.csvTable(), where, keys, calls);
    }

    private static RexShuttle inline(List<RexNode> fields)
    {
        return new RexShuttle()
        {
            @Override
            public RexNode visitInputRef(RexInputRef ref)
            {
                return fields.get(ref.getIndex());
            }
        };
    }

    private static Call call(AggregateCall call, List<RexNode> fields, VectorExpression.Scope scope)
    {
        if (call.isApproximate() || !call.getCollation().getFieldCollations().isEmpty() || call.distinctKeys != null || !call.rexList.isEmpty()) {
            return null;
        }
        KpiSignature kpi = call.getAggregation() instanceof SqlUserDefinedAggFunction udf && udf.function instanceof KpiAggFunction function
                ? function.signature() : null;
        if (kpi != null && kpi.types().size() != call.getArgList().size()) {
            return null;
        }
        List<VectorExpression> arguments = new ArrayList<>();
        for (int a = 0; a < call.getArgList().size(); a++) {
            RexNode argument = fields.get(call.getArgList().get(a));
            VectorExpression expression = kpi != null && argument instanceof RexLiteral literal
                    // a constant argument (a scale, a confidence level), converted as Calcite converts it for the aggregate
                    ? VectorExpression.constant(literal, sqlTypeName(kpi.types().get(a)))
                    : VectorExpression.translate(argument, scope);
            if (expression == null) {
                return null;
            }
            arguments.add(expression);
        }
        VectorExpression filter = null;
        if (call.filterArg >= 0) {
            filter = VectorExpression.translate(fields.get(call.filterArg), scope);
            if (filter == null || filter.kind() != Kind.BOOLEAN) {
                return null;
            }
        }
        SqlTypeName result = call.getType().getSqlTypeName();
        SqlKind kind = call.getAggregation().getKind();
        boolean oneArgumentOfTheResultType = arguments.size() == 1 && arguments.get(0).type() == result;
        Function function;
        if (kpi != null) {
            function = !call.isDistinct() && handles(kpi, arguments, result) ? Function.KPI : null;
        }
        else {
            function = switch (kind) {
                case COUNT -> result != SqlTypeName.BIGINT ? null
                        : call.isDistinct() ? (arguments.size() == 1 ? Function.COUNT_DISTINCT : null) : Function.COUNT;
                case SUM, SUM0 -> !call.isDistinct() && oneArgumentOfTheResultType && (result == SqlTypeName.BIGINT || result == SqlTypeName.DOUBLE)
                        ? (kind == SqlKind.SUM ? Function.SUM : Function.SUM0) : null;
                case MIN, MAX -> !call.isDistinct() && oneArgumentOfTheResultType && arguments.get(0).kind() != Kind.BOOLEAN
                        ? (kind == SqlKind.MIN ? Function.MIN : Function.MAX) : null;
                default -> null;
            };
        }
        if (function == null) {
            return null;
        }
        return function == Function.KPI
                ? new Call(function, arguments, filter, KpiRuntime.signatures().indexOf(kpi), kpi.toString())
                : new Call(function, arguments, filter, -1, call.getAggregation().getName());
    }

    private static SqlTypeName sqlTypeName(dev.kpisql.udfs.catalog.SqlType type)
    {
        return switch (type) {
            case BIGINT -> SqlTypeName.BIGINT;
            case DOUBLE -> SqlTypeName.DOUBLE;
            case VARCHAR -> SqlTypeName.VARCHAR;
            case BOOLEAN -> SqlTypeName.BOOLEAN;
            case DATE -> SqlTypeName.DATE;
            case TIMESTAMP -> SqlTypeName.TIMESTAMP;
            default -> null;
        };
    }

    /**
     * Whether the parallel aggregation computes this catalog signature: its arguments are values
     * of the signature's own types, with meanings it converts, and its result a type it returns.
     */
    private static boolean handles(KpiSignature signature, List<VectorExpression> arguments, SqlTypeName result)
    {
        if (arguments.size() != signature.types().size() || KpiRuntime.signatures().indexOf(signature) < 0) {
            return false;
        }
        for (int a = 0; a < arguments.size(); a++) {
            SqlTypeName wanted = sqlTypeName(signature.types().get(a));
            if (wanted == null || arguments.get(a).type() != wanted || !converts(signature.overload().arguments().get(a).type())) {
                return false;
            }
        }
        return switch (signature.function().returnType()) {
            case DOUBLE -> result == SqlTypeName.DOUBLE;
            case BIGINT -> result == SqlTypeName.BIGINT;
            case BOOLEAN -> result == SqlTypeName.BOOLEAN;
            case VARCHAR -> result == SqlTypeName.VARCHAR;
            default -> false;
        };
    }

    /** The meanings whose values the kernels hand on as the Calcite aggregate does. */
    private static boolean converts(ArgType meaning)
    {
        return switch (meaning) {
            case COUNT, MONEY, SCORE, NUMBER, ID, FLAG, DATE, TIMESTAMP, TEXT -> true;
            default -> false;
        };
    }

    /** The rule's configuration: its operands, for one shape of the chain. */
    record Config(RelBuilderFactory relBuilderFactory, String description, OperandTransform operandSupplier)
            implements RelRule.Config
    {
        @Override
        public ParallelAggregateRule toRule()
        {
            return new ParallelAggregateRule(this);
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory factory)
        {
            return new Config(factory, description, operandSupplier);
        }

        @Override
        public Config withDescription(String newDescription)
        {
            return new Config(relBuilderFactory, newDescription, operandSupplier);
        }

        @Override
        public Config withOperandSupplier(OperandTransform transform)
        {
            return new Config(relBuilderFactory, description, transform);
        }
    }
}

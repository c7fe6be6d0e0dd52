package dev.kpisql.calcite;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.catalog.ArgType;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.type.SqlTypeName;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A catalog aggregate as a Calcite aggregate function. Calcite's reflective UDAFs cannot take
 * DATE or TIMESTAMP arguments, so this one generates its own code: the state is the core's
 * {@link KpiAccumulator}; a row in which any argument is NULL is skipped (contract C2), and so
 * is a row that a {@code FILTER (WHERE …)} rejects; everything else goes to {@link KpiRuntime}.
 * Calcite never merges partial states, so the accumulator sees every row of its group or window
 * frame.
 */
public final class KpiAggFunction
        implements ImplementableAggFunction
{
    private final KpiSignature signature;

    KpiAggFunction(KpiSignature signature)
    {
        this.signature = requireNonNull(signature, "signature");
    }

    public KpiSignature signature()
    {
        return signature;
    }

    @Override
    public List<FunctionParameter> getParameters()
    {
        return signature.parameters();
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory)
    {
        return signature.returnType(typeFactory);
    }

    @Override
    public AggImplementor getImplementor(boolean windowContext)
    {
        return new Implementor(signature.id(), signature.typedAdd(), signature.overload().arguments().stream().map(argument -> argument.type()).toList());
    }

    @Override
    public String toString()
    {
        return signature.toString();
    }

    /**
     * @param typedAdd the accumulator's typed {@code add}, called directly; when null, rows go
     * boxed through {@link KpiRuntime#add}
     */
    private record Implementor(int id, Method typedAdd, List<ArgType> meanings)
            implements AggImplementor
    {
        @Override
        public List<Type> getStateType(AggContext info)
        {
            return List.of(KpiAccumulator.class);
        }

        @Override
        public void implementReset(AggContext info, AggResetContext reset)
        {
            reset.currentBlock().add(Expressions.statement(Expressions.assign(
                    reset.accumulator().get(0),
                    Expressions.call(KpiRuntime.class, "accumulator", Expressions.constant(id)))));
        }

        @Override
        public void implementAdd(AggContext info, AggAddContext add)
        {
            // skip the row when an argument is NULL or a FILTER (WHERE …) rejects it
            RexToLixTranslator translator = add.rowTranslator();
            List<Expression> conditions = new ArrayList<>(translator.translateList(add.rexArguments(), RexImpTable.NullAs.IS_NOT_NULL));
            RexNode filter = add.rexFilterArgument();
            if (filter != null) {
                conditions.addAll(translator.translateList(List.of(filter), RexImpTable.NullAs.FALSE));
            }
            Expression condition = Expressions.foldAnd(conditions);
            if (Expressions.constant(false).equals(condition)) {
                return;
            }
            List<Expression> arguments = arguments(add);
            Expression call = typedAdd != null ? typedCall(add, arguments) : boxedCall(add, arguments);
            add.currentBlock().add(Expressions.constant(true).equals(condition)
                    ? Expressions.statement(call)
                    : Expressions.ifThen(condition, Expressions.statement(call)));
        }

        /** The row's argument values, without the blank padding of CHAR labels ({@link KpiSignature#unpadded}). */
        private List<Expression> arguments(AggAddContext add)
        {
            return KpiSignature.unpadded(add.arguments(), add.rexArguments(), meanings);
        }

        /** {@code ((NpsAccumulator) acc).add(score)}: Calcite's values converted to the core's types. */
        private Expression typedCall(AggAddContext add, List<Expression> values)
        {
            List<Expression> arguments = new ArrayList<>();
            Class<?>[] types = typedAdd.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                Expression argument = values.get(i);
                arguments.add(meanings.get(i) == ArgType.TIMESTAMP
                        // Calcite's milliseconds, the core's microseconds
                        ? Expressions.multiply(EnumUtils.convert(argument, long.class), Expressions.constant(1000L))
                        : EnumUtils.convert(argument, types[i]));
            }
            return Expressions.call(Expressions.convert_(add.accumulator().get(0), typedAdd.getDeclaringClass()), typedAdd, arguments);
        }

        private Expression boxedCall(AggAddContext add, List<Expression> values)
        {
            List<Expression> boxed = new ArrayList<>();
            for (Expression argument : values) {
                boxed.add(Expressions.box(argument));
            }
            return Expressions.call(KpiRuntime.class, "add",
                    add.accumulator().get(0), Expressions.constant(id), Expressions.newArrayInit(Object.class, boxed));
        }

        @Override
        public Expression implementResult(AggContext info, AggResultContext result)
        {
            return Expressions.convert_(
                    Expressions.call(KpiRuntime.class, "result", result.accumulator().get(0)),
                    info.returnType());
        }
    }
}

package dev.kpisql.calcite;

import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A catalog scalar as a Calcite function: NULL for any NULL argument, otherwise the core's
 * answer through {@link KpiRuntime#scalar}.
 */
public final class KpiScalarFunction
        implements ScalarFunction, ImplementableFunction
{
    private final KpiSignature signature;

    KpiScalarFunction(KpiSignature signature)
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
    public CallImplementor getImplementor()
    {
        int id = signature.id();
        return (translator, call, nullAs) -> {
            List<Expression> boxed = new ArrayList<>();
            List<ArgType> meanings = signature.overload().arguments().stream().map(Argument::type).toList();
            for (Expression argument : KpiSignature.unpadded(translator.translateList(call.getOperands()), call.getOperands(), meanings)) {
                boxed.add(Expressions.box(argument));
            }
            return Expressions.convert_(
                    Expressions.call(KpiRuntime.class, "scalar", Expressions.constant(id), Expressions.newArrayInit(Object.class, boxed)),
                    signature.javaReturnType());
        };
    }

    @Override
    public String toString()
    {
        return signature.toString();
    }
}

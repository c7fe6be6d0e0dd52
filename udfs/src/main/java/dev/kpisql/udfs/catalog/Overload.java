package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.KpiAccumulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One signature of a function: its arguments, what it computes, its examples, and the core
 * implementation that computes it. An aggregate overload has an {@code accumulator} supplier,
 * a scalar one a {@code scalar} function of its internal argument values.
 */
public record Overload(
        List<Argument> arguments,
        String description,
        String formula,
        List<Example> examples,
        Supplier<KpiAccumulator> accumulator,
        Function<Object[], Object> scalar)
{
    public Overload
    {
        arguments = List.copyOf(arguments);
        requireNonNull(description, "description");
        requireNonNull(formula, "formula");
        examples = List.copyOf(examples);
        if ((accumulator == null) == (scalar == null)) {
            throw new IllegalArgumentException("an overload has either an accumulator or a scalar implementation");
        }
    }

    public static Overload aggregate(List<Argument> arguments, String description, String formula, Supplier<KpiAccumulator> accumulator, Example... examples)
    {
        return new Overload(arguments, description, formula, List.of(examples), accumulator, null);
    }

    public static Overload scalar(List<Argument> arguments, String description, String formula, Function<Object[], Object> scalar, Example... examples)
    {
        return new Overload(arguments, description, formula, List.of(examples), null, scalar);
    }

    public Kind kind()
    {
        return accumulator != null ? Kind.AGGREGATE : Kind.SCALAR;
    }

    /**
     * Evaluates rows of example values with the core alone, with the same NULL rules the engines
     * apply: an aggregate skips a row in which any argument is NULL (contract C2); a scalar
     * returns NULL for any NULL argument.
     */
    public Object evaluate(List<List<Object>> rows)
    {
        if (scalar != null) {
            if (rows.size() != 1) {
                throw new IllegalArgumentException("a scalar evaluates one row, got " + rows.size());
            }
            Object[] values = internal(rows.get(0));
            return values == null ? null : scalar.apply(values);
        }
        KpiAccumulator state = accumulator.get();
        for (List<Object> row : rows) {
            Object[] values = internal(row);
            if (values != null) {
                state.add(values);
            }
        }
        return state.result();
    }

    /** The row's values in their internal representation, or null when any is NULL. */
    private Object[] internal(List<Object> row)
    {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            if (value == null) {
                return null;
            }
            values.add(arguments.get(i).type().toInternal(value));
        }
        return values.toArray();
    }

    /**
     * The concrete SQL signatures this overload stands for, every argument's types expanded:
     * {@code arpu(revenue DOUBLE, user_id VARCHAR|BIGINT)} is {@code [DOUBLE, VARCHAR]} and
     * {@code [DOUBLE, BIGINT]}, the preferred types first.
     */
    public List<List<SqlType>> sqlSignatures()
    {
        List<List<SqlType>> signatures = List.of(List.of());
        for (Argument argument : arguments) {
            List<List<SqlType>> longer = new ArrayList<>();
            for (List<SqlType> prefix : signatures) {
                for (SqlType type : argument.type() == ArgType.CONTROL ? List.of(variantType(prefix)) : argument.type().sqlTypes()) {
                    List<SqlType> next = new ArrayList<>(prefix);
                    next.add(type);
                    longer.add(List.copyOf(next));
                }
            }
            signatures = longer;
        }
        return signatures;
    }

    /** The type a signature gives the {@link ArgType#VARIANT} argument, which a {@link ArgType#CONTROL} argument follows. */
    private SqlType variantType(List<SqlType> prefix)
    {
        for (int i = 0; i < prefix.size(); i++) {
            if (arguments.get(i).type() == ArgType.VARIANT) {
                return prefix.get(i);
            }
        }
        throw new IllegalStateException("a control argument follows a variant argument: " + arguments);
    }

    /** {@code nps(score BIGINT|DOUBLE)} */
    public String signature(String name)
    {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            if (i > 0) {
                text.append(", ");
            }
            text.append(argument.name()).append(' ');
            List<SqlType> types = argument.type().sqlTypes();
            for (int t = 0; t < types.size(); t++) {
                text.append(t == 0 ? "" : "|").append(types.get(t).sql());
            }
        }
        return text.append(')').toString();
    }
}

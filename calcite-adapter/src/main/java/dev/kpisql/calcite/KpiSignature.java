package dev.kpisql.calcite;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.RowField;
import dev.kpisql.udfs.catalog.SqlType;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One concrete SQL signature of a catalog overload, e.g. {@code arpu(DOUBLE, BIGINT)} of
 * {@code arpu(revenue, user_id VARCHAR|BIGINT)}, and the translation of Calcite's runtime values
 * into the core's. Calcite resolves overloads by these signatures; the arithmetic is the core's.
 *
 * <p>Calcite passes a DATE as an int of days and a TIMESTAMP as a long of milliseconds since the
 * epoch; the core takes days and microseconds. Numbers arrive in the column's own Java type
 * (Integer, Long, BigDecimal, Double …), so each argument is converted by what it means.
 */
public final class KpiSignature
{
    private final int id;
    private final KpiFunction function;
    private final Overload overload;
    private final List<SqlType> types;

    KpiSignature(int id, KpiFunction function, Overload overload, List<SqlType> types)
    {
        this.id = id;
        this.function = requireNonNull(function, "function");
        this.overload = requireNonNull(overload, "overload");
        this.types = List.copyOf(types);
    }

    /** Index in {@link KpiRuntime}'s table, baked into generated code. */
    int id()
    {
        return id;
    }

    public KpiFunction function()
    {
        return function;
    }

    public Overload overload()
    {
        return overload;
    }

    public List<SqlType> types()
    {
        return types;
    }

    List<FunctionParameter> parameters()
    {
        List<FunctionParameter> parameters = new ArrayList<>();
        List<Argument> arguments = overload.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            int ordinal = i;
            SqlType type = types.get(i);
            String name = arguments.get(i).name();
            parameters.add(new FunctionParameter()
            {
                @Override
                public int getOrdinal()
                {
                    return ordinal;
                }

                @Override
                public String getName()
                {
                    return name;
                }

                @Override
                public RelDataType getType(RelDataTypeFactory typeFactory)
                {
                    return relType(typeFactory, type);
                }

                @Override
                public boolean isOptional()
                {
                    return false;
                }
            });
        }
        return parameters;
    }

    RelDataType returnType(RelDataTypeFactory typeFactory)
    {
        if (function.returnType() == SqlType.ROW) {
            // a nullable struct of nullable fields; Calcite's runtime holds it as an Object[] of the field values
            List<RelDataType> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (RowField field : function.fields()) {
                types.add(relType(typeFactory, field.type()));
                names.add(field.name());
            }
            return typeFactory.createTypeWithNullability(typeFactory.createStructType(types, names), true);
        }
        return relType(typeFactory, function.returnType());
    }

    /** The boxed Java class of the result: every KPI may answer NULL. */
    Class<?> javaReturnType()
    {
        return switch (function.returnType()) {
            case DOUBLE -> Double.class;
            case BIGINT -> Long.class;
            case BOOLEAN -> Boolean.class;
            case INTEGER_ARRAY -> List.class;
            case ROW -> Object[].class;
            default -> String.class;
        };
    }

    static RelDataType relType(RelDataTypeFactory typeFactory, SqlType type)
    {
        RelDataType relType = switch (type) {
            case BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case VARCHAR -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case INTERVAL_DAY_TO_SECOND -> typeFactory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
            // the elements of an argument may be NULL (false, S2); retention's never are
            case BOOLEAN_ARRAY -> typeFactory.createArrayType(typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BOOLEAN), true), -1);
            case INTEGER_ARRAY -> typeFactory.createArrayType(typeFactory.createSqlType(SqlTypeName.INTEGER), -1);
            case ROW -> throw new IllegalArgumentException("a ROW's type is made from the function's fields");
        };
        return typeFactory.createTypeWithNullability(relType, true);
    }

    /**
     * The accumulator's own {@code add} for this signature's internal types — e.g.
     * {@code NpsAccumulator.add(long)} for {@code nps(BIGINT)}, or the one {@code add…} method
     * those types fit, as {@code DistinctAccumulator.addActivity(long, int)} for
     * {@code dau_mau(BIGINT, DATE)} — or null when there is none. Generated code calls it directly,
     * without boxing a row into an {@code Object[]}; the boxed view delegates to the same method,
     * so both paths validate and compute alike.
     */
    public Method typedAdd()
    {
        Class<?> accumulator = overload.accumulator().get().getClass();
        List<Class<?>> wanted = new ArrayList<>();
        List<Argument> arguments = overload.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            wanted.add(internalClass(arguments.get(i).type(), types.get(i)));
        }
        Method named = null;
        int candidates = 0;
        for (Method method : accumulator.getMethods()) {
            if (!method.getName().startsWith("add") || method.isVarArgs() || !List.of(method.getParameterTypes()).equals(wanted)) {
                continue;
            }
            if (method.getName().equals("add")) {
                return method;
            }
            named = method;
            candidates++;
        }
        // e.g. DistinctAccumulator.addActivity(long, int): taken only when the types name one method
        return candidates == 1 ? named : null;
    }

    /** The Java type in which the core takes an argument: what {@link #internal} produces, unboxed. */
    static Class<?> internalClass(ArgType meaning, SqlType type)
    {
        return switch (meaning) {
            case COUNT -> long.class;
            case MONEY, NUMBER -> double.class;
            case SCORE, ID -> switch (type) {
                case BIGINT -> long.class;
                case DOUBLE -> double.class;
                default -> String.class;
            };
            case DATE -> int.class;
            case TIMESTAMP -> long.class;
            case FLAG -> boolean.class;
            case TEXT -> String.class;
            case EVENT_TIME -> type == SqlType.TIMESTAMP ? Instant.class : long.class;
            case TIME_AMOUNT -> type == SqlType.INTERVAL_DAY_TO_SECOND ? Duration.class : long.class;
            case CONDITIONS -> List.class;
            case VARIANT, CONTROL -> switch (type) {
                case BIGINT -> long.class;
                case BOOLEAN -> boolean.class;
                default -> String.class;
            };
            case MEASURE -> double.class;
        };
    }

    /**
     * Argument values without the blank padding of labels of type CHAR(n): a VALUES list or a CASE
     * over string literals of different lengths is CHAR of the longest, which Calcite pads with
     * blanks. SQL's comparison of CHAR values ignores the padding, so a variant, a control or a
     * label such as an alternative does too: {@code 'less'} and {@code 'less   '} are one value,
     * as {@code =} says they are.
     */
    static List<Expression> unpadded(List<Expression> values, List<RexNode> operands, List<ArgType> meanings)
    {
        List<Expression> arguments = new ArrayList<>(values);
        for (int i = 0; i < arguments.size(); i++) {
            ArgType meaning = meanings.get(i);
            boolean label = meaning == ArgType.VARIANT || meaning == ArgType.CONTROL || meaning == ArgType.TEXT;
            if (label && operands.get(i).getType().getSqlTypeName() == SqlTypeName.CHAR) {
                arguments.set(i, Expressions.call(SqlFunctions.class, "rtrim", EnumUtils.convert(arguments.get(i), String.class)));
            }
        }
        return arguments;
    }

    KpiAccumulator newAccumulator()
    {
        return overload.accumulator().get();
    }

    /** Calcite's values of one row in the core's representation; none of them is null. */
    Object[] internal(Object[] values)
    {
        List<Argument> arguments = overload.arguments();
        for (int i = 0; i < values.length; i++) {
            values[i] = internal(arguments.get(i).type(), types.get(i), values[i]);
        }
        return values;
    }

    private static Object internal(ArgType meaning, SqlType type, Object value)
    {
        return switch (meaning) {
            case COUNT -> ((Number) value).longValue();
            case MONEY, NUMBER -> ((Number) value).doubleValue();
            case SCORE, ID -> switch (type) {
                case BIGINT -> ((Number) value).longValue();
                case DOUBLE -> ((Number) value).doubleValue();
                default -> value.toString();
            };
            case DATE -> ((Number) value).intValue();
            case TIMESTAMP -> Math.multiplyExact(((Number) value).longValue(), 1000L);
            case FLAG -> (Boolean) value;
            case TEXT -> value.toString();
            // Calcite's TIMESTAMP and INTERVAL DAY TO SECOND values are milliseconds, its arrays Lists
            case EVENT_TIME -> type == SqlType.TIMESTAMP ? Instant.ofEpochMilli(((Number) value).longValue()) : (Object) ((Number) value).longValue();
            case TIME_AMOUNT -> type == SqlType.INTERVAL_DAY_TO_SECOND ? Duration.ofMillis(((Number) value).longValue()) : (Object) ((Number) value).longValue();
            case CONDITIONS -> (List<?>) value;
            case VARIANT, CONTROL -> switch (type) {
                case BIGINT -> ((Number) value).longValue();
                case BOOLEAN -> (Boolean) value;
                default -> value.toString();
            };
            case MEASURE -> ((Number) value).doubleValue();
        };
    }

    @Override
    public String toString()
    {
        return function.name() + types;
    }
}

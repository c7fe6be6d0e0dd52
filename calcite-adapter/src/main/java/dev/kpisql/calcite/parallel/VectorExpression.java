package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.csv.ColumnBatch;
import dev.kpisql.calcite.parallel.Vector.Kind;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The expressions the parallel aggregation evaluates itself, a slice of rows at a time: the
 * columns of the scan, literals, comparisons, {@code AND} / {@code OR} / {@code NOT} (three-valued),
 * {@code IS [NOT] NULL}, {@code IS [NOT] TRUE|FALSE}, {@code IN} and ranges (Calcite's
 * {@code SEARCH}), {@code CAST} of a BIGINT to DOUBLE, {@code EXTRACT(YEAR|QUARTER|MONTH|DAY ...)}
 * of a DATE or TIMESTAMP, and {@code + - * /} of numbers. Each computes what Calcite's generated
 * code computes, with the same Java operations: {@link #translate} takes an expression only when
 * that holds, and answers null for anything else, which then stays with Calcite.
 *
 * <p>An expression is an immutable description, shared by the threads of a query; each thread
 * asks it for an {@link Evaluator}, which owns the arrays it fills.
 */
abstract class VectorExpression
{
    private final Kind kind;
    private final SqlTypeName type;

    private VectorExpression(Kind kind, SqlTypeName type)
    {
        this.kind = kind;
        this.type = type;
    }

    Kind kind()
    {
        return kind;
    }

    /** BIGINT, DOUBLE, DATE, TIMESTAMP, BOOLEAN or VARCHAR. */
    SqlTypeName type()
    {
        return type;
    }

    abstract Evaluator evaluator();

    /** Computes an expression over slices, into arrays of its own; one per thread. */
    interface Evaluator
    {
        /** The values for rows {@code [from, from + rows)} of {@code batch}. */
        Vector evaluate(ColumnBatch batch, int from, int rows);
    }

    /** The kind of values of a SQL type this engine handles, or null. */
    static Kind kindOf(RelDataType type)
    {
        return switch (type.getSqlTypeName()) {
            case BIGINT -> Kind.LONG;
            case TIMESTAMP -> type.getPrecision() == 3 ? Kind.LONG : null;
            case DOUBLE -> Kind.DOUBLE;
            case DATE -> Kind.INT;
            case BOOLEAN -> Kind.BOOLEAN;
            case VARCHAR -> Kind.STRING;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- translation

    /** What a translation needs: Calcite's expression builder, and the names of the scan's columns. */
    record Scope(RexBuilder rexBuilder, List<String> columns) {}

    /**
     * The expression over the scan's columns that {@code node} is, or null when this engine does
     * not compute it exactly as Calcite would.
     */
    static VectorExpression translate(RexNode node, Scope scope)
    {
        if (node.getKind() == SqlKind.SEARCH) {
            return translate(RexUtil.expandSearch(scope.rexBuilder(), null, node), scope);
        }
        Kind kind = kindOf(node.getType());
        if (node instanceof RexInputRef ref) {
            return kind == null ? null : new ColumnRef(ref.getIndex(), scope.columns().get(ref.getIndex()), kind, node.getType().getSqlTypeName());
        }
        if (node instanceof RexLiteral literal) {
            return kind == null ? null : literal(literal, kind, node.getType().getSqlTypeName());
        }
        if (!(node instanceof RexCall call)) {
            return null;
        }
        List<RexNode> operands = call.getOperands();
        switch (call.getKind()) {
            case AND, OR -> {
                List<VectorExpression> terms = new ArrayList<>();
                for (RexNode operand : operands) {
                    VectorExpression term = translate(operand, scope);
                    if (term == null || term.kind() != Kind.BOOLEAN) {
                        return null;
                    }
                    terms.add(term);
                }
                return new Logical(call.getKind() == SqlKind.AND, terms);
            }
            case NOT -> {
                VectorExpression operand = translate(operands.get(0), scope);
                return operand == null || operand.kind() != Kind.BOOLEAN ? null : new Not(operand);
            }
            case IS_NULL, IS_NOT_NULL -> {
                VectorExpression operand = translate(operands.get(0), scope);
                return operand == null ? null : new NullTest(operand, call.getKind() == SqlKind.IS_NULL);
            }
            case IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE -> {
                VectorExpression operand = translate(operands.get(0), scope);
                return operand == null || operand.kind() != Kind.BOOLEAN ? null : new TruthTest(operand, call.getKind());
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison(call.getKind(), operands.get(0), operands.get(1), scope);
            }
            case CAST -> {
                return cast(call, scope);
            }
            case EXTRACT -> {
                return extract(call, scope);
            }
            case PLUS, MINUS, TIMES, DIVIDE -> {
                return arithmetic(call, scope);
            }
            default -> {
                return null;
            }
        }
    }

    private static VectorExpression comparison(SqlKind operator, RexNode leftNode, RexNode rightNode, Scope scope)
    {
        // a literal takes the kind of the other side, as Calcite's Java comparison promotes it
        if (leftNode instanceof RexLiteral && !(rightNode instanceof RexLiteral)) {
            return comparison(operator.reverse(), rightNode, leftNode, scope);
        }
        VectorExpression left = translate(leftNode, scope);
        if (left == null) {
            return null;
        }
        VectorExpression right = rightNode instanceof RexLiteral literal
                ? literal(literal, left.kind(), left.type())
                : translate(rightNode, scope);
        if (right == null || right.kind() != left.kind() || comparesDifferently(left.type(), right.type())) {
            return null;
        }
        boolean equality = operator == SqlKind.EQUALS || operator == SqlKind.NOT_EQUALS;
        // strings and booleans: equality only (ordering strings depends on the collation)
        if (!equality && (left.kind() == Kind.STRING || left.kind() == Kind.BOOLEAN)) {
            return null;
        }
        return new Comparison(operator, left, right);
    }

    /** A BIGINT is never compared with a TIMESTAMP, though both are longs. */
    private static boolean comparesDifferently(SqlTypeName left, SqlTypeName right)
    {
        return (left == SqlTypeName.TIMESTAMP) != (right == SqlTypeName.TIMESTAMP);
    }

    /** A literal as a value of {@code kind}, when it is exactly one; else null. */
    private static VectorExpression literal(RexLiteral literal, Kind kind, SqlTypeName type)
    {
        if (literal.isNull()) {
            return new Literal(kind, type, null);
        }
        SqlTypeName literalType = literal.getType().getSqlTypeName();
        Object value = switch (kind) {
            case LONG -> {
                if (type == SqlTypeName.TIMESTAMP) {
                    yield literalType == SqlTypeName.TIMESTAMP ? literal.getValueAs(Long.class) : null;
                }
                BigDecimal number = exactNumber(literal);
                try {
                    yield number == null ? null : number.longValueExact();
                }
                catch (ArithmeticException e) {
                    yield null;
                }
            }
            case DOUBLE -> {
                if (literalType == SqlTypeName.DOUBLE || literalType == SqlTypeName.FLOAT || literalType == SqlTypeName.REAL) {
                    yield literal.getValueAs(Double.class);
                }
                BigDecimal number = exactNumber(literal);
                // an integer or decimal literal that a double holds exactly
                yield number != null && new BigDecimal(number.doubleValue()).compareTo(number) == 0 ? number.doubleValue() : null;
            }
            case INT -> literalType == SqlTypeName.DATE ? literal.getValueAs(Integer.class) : null;
            case BOOLEAN -> literalType == SqlTypeName.BOOLEAN ? literal.getValueAs(Boolean.class) : null;
            case STRING -> literalType == SqlTypeName.CHAR || literalType == SqlTypeName.VARCHAR ? literal.getValueAs(String.class) : null;
        };
        return value == null ? null : new Literal(kind, type, value);
    }

    /**
     * A literal argument of a catalog aggregate as a value of the parameter's type {@code type},
     * converted as Calcite's generated code converts it (a decimal to the nearest double), or
     * null when Calcite would not pass it as is.
     */
    static VectorExpression constant(RexLiteral literal, SqlTypeName type)
    {
        if (type == null) {
            return null;
        }
        Kind kind = switch (type) {
            case BIGINT, TIMESTAMP -> Kind.LONG;
            case DOUBLE -> Kind.DOUBLE;
            case DATE -> Kind.INT;
            case BOOLEAN -> Kind.BOOLEAN;
            case VARCHAR -> Kind.STRING;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        if (literal.isNull()) {
            return new Literal(kind, type, null);
        }
        BigDecimal number = exactNumber(literal);
        if (kind == Kind.DOUBLE && number != null) {
            return new Literal(kind, type, number.doubleValue());
        }
        return literal(literal, kind, type);
    }

    private static BigDecimal exactNumber(RexLiteral literal)
    {
        return switch (literal.getType().getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> literal.getValueAs(BigDecimal.class);
            default -> null;
        };
    }

    private static VectorExpression cast(RexCall call, Scope scope)
    {
        VectorExpression operand = translate(call.getOperands().get(0), scope);
        Kind target = kindOf(call.getType());
        if (operand == null || target == null) {
            return null;
        }
        SqlTypeName to = call.getType().getSqlTypeName();
        if (to == operand.type()) {
            // nullability only: TIMESTAMP(3) is the one TIMESTAMP kindOf takes
            return operand;
        }
        if (to == SqlTypeName.DOUBLE && operand.type() == SqlTypeName.BIGINT) {
            return new ToDouble(operand);
        }
        return null;
    }

    private static VectorExpression extract(RexCall call, Scope scope)
    {
        if (!(call.getOperands().get(0) instanceof RexLiteral flag) || call.getType().getSqlTypeName() != SqlTypeName.BIGINT) {
            return null;
        }
        TimeUnitRange unit = flag.getValueAs(TimeUnitRange.class);
        VectorExpression operand = translate(call.getOperands().get(1), scope);
        if (unit == null || operand == null || (operand.type() != SqlTypeName.DATE && operand.type() != SqlTypeName.TIMESTAMP)) {
            return null;
        }
        return switch (unit) {
            case YEAR, QUARTER, MONTH, DAY -> new Extract(unit, operand);
            default -> null;
        };
    }

    private static VectorExpression arithmetic(RexCall call, Scope scope)
    {
        SqlTypeName type = call.getType().getSqlTypeName();
        if (type != SqlTypeName.BIGINT && type != SqlTypeName.DOUBLE) {
            return null;
        }
        Kind kind = type == SqlTypeName.BIGINT ? Kind.LONG : Kind.DOUBLE;
        VectorExpression left = operand(call.getOperands().get(0), kind, type, scope);
        VectorExpression right = operand(call.getOperands().get(1), kind, type, scope);
        if (left == null || right == null) {
            return null;
        }
        if (kind == Kind.LONG && call.getKind() == SqlKind.DIVIDE
                && !(right instanceof Literal divisor && divisor.value != null && (Long) divisor.value != 0)) {
            // a division by a column could divide by zero, which Calcite reports in its own way
            return null;
        }
        return new Arithmetic(call.getKind(), kind, type, left, right);
    }

    /** An operand of arithmetic of {@code kind}: a BIGINT widens to DOUBLE as Java widens a long. */
    private static VectorExpression operand(RexNode node, Kind kind, SqlTypeName type, Scope scope)
    {
        if (node instanceof RexLiteral literal) {
            VectorExpression value = literal(literal, kind, type);
            if (value != null || kind != Kind.DOUBLE) {
                return value;
            }
        }
        VectorExpression operand = translate(node, scope);
        if (operand == null || operand.type() == SqlTypeName.TIMESTAMP || operand.type() == SqlTypeName.DATE) {
            return null;
        }
        if (operand.kind() == kind) {
            return operand;
        }
        return kind == Kind.DOUBLE && operand.kind() == Kind.LONG ? new ToDouble(operand) : null;
    }

    // ---------------------------------------------------------------- the expressions

    /** A column of the scan: a view of the batch's arrays, no copy. */
    static final class ColumnRef
            extends VectorExpression
    {
        final int column;
        private final String name;

        ColumnRef(int column, String name, Kind kind, SqlTypeName type)
        {
            super(kind, type);
            this.column = column;
            this.name = name;
        }

        @Override
        Evaluator evaluator()
        {
            Vector vector = new Vector(kind());
            return (batch, from, rows) -> vector.view(batch.column(column), from);
        }

        /** The column's name: unique in its table, so the plan's digest tells columns apart. */
        @Override
        public String toString()
        {
            return name;
        }
    }

    static final class Literal
            extends VectorExpression
    {
        final Object value;

        Literal(Kind kind, SqlTypeName type, Object value)
        {
            super(kind, type);
            this.value = value;
        }

        @Override
        Evaluator evaluator()
        {
            Vector vector = new Vector(kind());
            return (batch, from, rows) -> {
                vector.ownArrays(rows);
                for (int i = 0; i < rows; i++) {
                    set(vector, i);
                }
                return vector;
            };
        }

        private void set(Vector vector, int i)
        {
            if (value == null) {
                vector.nulls[i] = true;
                return;
            }
            switch (kind()) {
                case LONG -> vector.longs[i] = (Long) value;
                case DOUBLE -> vector.doubles[i] = (Double) value;
                case INT -> vector.ints[i] = (Integer) value;
                case BOOLEAN -> vector.booleans[i] = (Boolean) value;
                case STRING -> vector.strings[i] = (String) value;
            }
        }

        @Override
        public String toString()
        {
            if (value == null) {
                return "null";
            }
            return switch (type()) {
                case VARCHAR -> "'" + value + "'";
                case DATE -> "DATE '" + java.time.LocalDate.ofEpochDay((Integer) value) + "'";
                case TIMESTAMP -> "TIMESTAMP '" + java.time.LocalDateTime.ofEpochSecond(Math.floorDiv((Long) value, 1000L),
                        (int) Math.floorMod((Long) value, 1000L) * 1_000_000, java.time.ZoneOffset.UTC) + "'";
                default -> type() + " " + value;
            };
        }
    }

    /** {@code = <> < <= > >=} with Java's comparison of longs, ints and doubles, and {@code equals} of strings. */
    static final class Comparison
            extends VectorExpression
    {
        private final SqlKind operator;
        private final VectorExpression left;
        private final VectorExpression right;

        Comparison(SqlKind operator, VectorExpression left, VectorExpression right)
        {
            super(Kind.BOOLEAN, SqlTypeName.BOOLEAN);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        Evaluator evaluator()
        {
            Evaluator leftValues = left.evaluator();
            Evaluator rightValues = right instanceof Literal ? null : right.evaluator();
            Object constant = right instanceof Literal literal ? literal.value : null;
            Vector result = new Vector(Kind.BOOLEAN);
            return (batch, from, rows) -> {
                Vector a = leftValues.evaluate(batch, from, rows);
                Vector b = rightValues == null ? null : rightValues.evaluate(batch, from, rows);
                result.ownArrays(rows);
                boolean[] out = result.booleans;
                boolean[] nulls = result.nulls;
                if (rightValues == null && constant == null) {
                    java.util.Arrays.fill(nulls, 0, rows, true);
                    return result;
                }
                for (int i = 0; i < rows; i++) {
                    if (a.isNull(i) || (b != null && b.isNull(i))) {
                        nulls[i] = true;
                        continue;
                    }
                    int ia = a.offset + i;
                    int order = switch (left.kind()) {
                        case LONG -> Long.compare(a.longs[ia], b == null ? (Long) constant : b.longs[b.offset + i]);
                        case INT -> Integer.compare(a.ints[ia], b == null ? (Integer) constant : b.ints[b.offset + i]);
                        case DOUBLE -> {
                            // Java's operators, NaN included: every comparison with NaN but <> is false
                            double x = a.doubles[ia];
                            double y = b == null ? (Double) constant : b.doubles[b.offset + i];
                            yield x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
                        }
                        case BOOLEAN -> a.booleans[ia] == (b == null ? (Boolean) constant : b.booleans[b.offset + i]) ? 0 : 1;
                        case STRING -> a.strings[ia].equals(b == null ? constant : b.strings[b.offset + i]) ? 0 : 1;
                    };
                    out[i] = holds(order);
                }
                return result;
            };
        }

        /** Whether the operator holds for an order: -1, 0, 1, or 2 for unordered (NaN). */
        private boolean holds(int order)
        {
            return switch (operator) {
                case EQUALS -> order == 0;
                case NOT_EQUALS -> order != 0;
                case LESS_THAN -> order == -1;
                case LESS_THAN_OR_EQUAL -> order == -1 || order == 0;
                case GREATER_THAN -> order == 1;
                case GREATER_THAN_OR_EQUAL -> order == 1 || order == 0;
                default -> throw new AssertionError(operator);
            };
        }

        @Override
        public String toString()
        {
            return operator.sql + "(" + left + ", " + right + ")";
        }
    }

    /** {@code AND} and {@code OR} in SQL's three-valued logic. */
    static final class Logical
            extends VectorExpression
    {
        private final boolean and;
        private final List<VectorExpression> terms;

        Logical(boolean and, List<VectorExpression> terms)
        {
            super(Kind.BOOLEAN, SqlTypeName.BOOLEAN);
            this.and = and;
            this.terms = List.copyOf(terms);
        }

        @Override
        Evaluator evaluator()
        {
            List<Evaluator> evaluators = terms.stream().map(VectorExpression::evaluator).toList();
            Vector result = new Vector(Kind.BOOLEAN);
            return (batch, from, rows) -> {
                result.ownArrays(rows);
                boolean[] out = result.booleans;
                boolean[] nulls = result.nulls;
                // the identity: true for AND, false for OR
                java.util.Arrays.fill(out, 0, rows, and);
                for (Evaluator evaluator : evaluators) {
                    Vector term = evaluator.evaluate(batch, from, rows);
                    for (int i = 0; i < rows; i++) {
                        if (term.isNull(i)) {
                            // NULL unless decided: false AND NULL is false, true OR NULL is true
                            if (out[i] == and) {
                                nulls[i] = true;
                            }
                        }
                        else if (term.booleans[term.offset + i] != and) {
                            out[i] = !and;
                            nulls[i] = false;
                        }
                    }
                }
                return result;
            };
        }

        @Override
        public String toString()
        {
            return (and ? "AND" : "OR") + terms;
        }
    }

    static final class Not
            extends VectorExpression
    {
        private final VectorExpression operand;

        Not(VectorExpression operand)
        {
            super(Kind.BOOLEAN, SqlTypeName.BOOLEAN);
            this.operand = operand;
        }

        @Override
        Evaluator evaluator()
        {
            Evaluator values = operand.evaluator();
            Vector result = new Vector(Kind.BOOLEAN);
            return (batch, from, rows) -> {
                Vector value = values.evaluate(batch, from, rows);
                result.ownArrays(rows);
                for (int i = 0; i < rows; i++) {
                    if (value.isNull(i)) {
                        result.nulls[i] = true;
                    }
                    else {
                        result.booleans[i] = !value.booleans[value.offset + i];
                    }
                }
                return result;
            };
        }

        @Override
        public String toString()
        {
            return "NOT(" + operand + ")";
        }
    }

    static final class NullTest
            extends VectorExpression
    {
        private final VectorExpression operand;
        private final boolean isNull;

        NullTest(VectorExpression operand, boolean isNull)
        {
            super(Kind.BOOLEAN, SqlTypeName.BOOLEAN);
            this.operand = operand;
            this.isNull = isNull;
        }

        @Override
        Evaluator evaluator()
        {
            Evaluator values = operand.evaluator();
            Vector result = new Vector(Kind.BOOLEAN);
            return (batch, from, rows) -> {
                Vector value = values.evaluate(batch, from, rows);
                result.ownArrays(rows);
                for (int i = 0; i < rows; i++) {
                    result.booleans[i] = value.isNull(i) == isNull;
                }
                return result;
            };
        }

        @Override
        public String toString()
        {
            return (isNull ? "IS NULL(" : "IS NOT NULL(") + operand + ")";
        }
    }

    /** {@code IS TRUE}, {@code IS NOT TRUE}, {@code IS FALSE}, {@code IS NOT FALSE}: never NULL. */
    static final class TruthTest
            extends VectorExpression
    {
        private final VectorExpression operand;
        private final SqlKind test;

        TruthTest(VectorExpression operand, SqlKind test)
        {
            super(Kind.BOOLEAN, SqlTypeName.BOOLEAN);
            this.operand = operand;
            this.test = test;
        }

        @Override
        Evaluator evaluator()
        {
            Evaluator values = operand.evaluator();
            Vector result = new Vector(Kind.BOOLEAN);
            boolean wanted = test == SqlKind.IS_TRUE || test == SqlKind.IS_NOT_TRUE;
            boolean negated = test == SqlKind.IS_NOT_TRUE || test == SqlKind.IS_NOT_FALSE;
            return (batch, from, rows) -> {
                Vector value = values.evaluate(batch, from, rows);
                result.ownArrays(rows);
                for (int i = 0; i < rows; i++) {
                    boolean is = !value.isNull(i) && value.booleans[value.offset + i] == wanted;
                    result.booleans[i] = is != negated;
                }
                return result;
            };
        }

        @Override
        public String toString()
        {
            return test.sql + "(" + operand + ")";
        }
    }

    /** {@code CAST(bigint AS DOUBLE)}: Java's widening of a long. */
    static final class ToDouble
            extends VectorExpression
    {
        private final VectorExpression operand;

        ToDouble(VectorExpression operand)
        {
            super(Kind.DOUBLE, SqlTypeName.DOUBLE);
            this.operand = operand;
        }

        @Override
        Evaluator evaluator()
        {
            Evaluator values = operand.evaluator();
            Vector result = new Vector(Kind.DOUBLE);
            return (batch, from, rows) -> {
                Vector value = values.evaluate(batch, from, rows);
                result.ownArrays(rows);
                for (int i = 0; i < rows; i++) {
                    if (value.isNull(i)) {
                        result.nulls[i] = true;
                    }
                    else {
                        result.doubles[i] = value.longs[value.offset + i];
                    }
                }
                return result;
            };
        }

        @Override
        public String toString()
        {
            return "DOUBLE(" + operand + ")";
        }
    }

    /**
     * {@code EXTRACT(unit FROM date or timestamp)}, as Calcite computes it: the unit of the day
     * number, the day of a timestamp by floor division.
     */
    static final class Extract
            extends VectorExpression
    {
        private static final long MILLIS_PER_DAY = 86_400_000L;

        private final TimeUnitRange unit;
        private final VectorExpression operand;

        Extract(TimeUnitRange unit, VectorExpression operand)
        {
            super(Kind.LONG, SqlTypeName.BIGINT);
            this.unit = unit;
            this.operand = operand;
        }

        @Override
        Evaluator evaluator()
        {
            Evaluator values = operand.evaluator();
            Vector result = new Vector(Kind.LONG);
            boolean timestamp = operand.type() == SqlTypeName.TIMESTAMP;
            return (batch, from, rows) -> {
                Vector value = values.evaluate(batch, from, rows);
                result.ownArrays(rows);
                // most rows of a slice fall on a few days: remember the last day's answer
                long lastDay = Long.MIN_VALUE;
                long lastAnswer = 0;
                for (int i = 0; i < rows; i++) {
                    if (value.isNull(i)) {
                        result.nulls[i] = true;
                        continue;
                    }
                    int at = value.offset + i;
                    long day = timestamp ? Math.floorDiv(value.longs[at], MILLIS_PER_DAY) : value.ints[at];
                    if (day != lastDay) {
                        lastAnswer = SqlFunctions.unixDateExtract(unit, day);
                        lastDay = day;
                    }
                    result.longs[i] = lastAnswer;
                }
                return result;
            };
        }

        @Override
        public String toString()
        {
            return "EXTRACT(" + unit + ", " + operand + ")";
        }
    }

    /** {@code + - * /} of longs or doubles with Java's operators (a long overflows silently, as in Calcite). */
    static final class Arithmetic
            extends VectorExpression
    {
        private final SqlKind operator;
        private final VectorExpression left;
        private final VectorExpression right;

        Arithmetic(SqlKind operator, Kind kind, SqlTypeName type, VectorExpression left, VectorExpression right)
        {
            super(kind, type);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        Evaluator evaluator()
        {
            Evaluator leftValues = left.evaluator();
            Evaluator rightValues = right.evaluator();
            Vector result = new Vector(kind());
            return (batch, from, rows) -> {
                Vector a = leftValues.evaluate(batch, from, rows);
                Vector b = rightValues.evaluate(batch, from, rows);
                result.ownArrays(rows);
                for (int i = 0; i < rows; i++) {
                    if (a.isNull(i) || b.isNull(i)) {
                        result.nulls[i] = true;
                        continue;
                    }
                    if (kind() == Kind.LONG) {
                        long x = a.longs[a.offset + i];
                        long y = b.longs[b.offset + i];
                        result.longs[i] = switch (operator) {
                            case PLUS -> x + y;
                            case MINUS -> x - y;
                            case TIMES -> x * y;
                            case DIVIDE -> x / y;
                            default -> throw new AssertionError(operator);
                        };
                    }
                    else {
                        double x = a.doubles[a.offset + i];
                        double y = b.doubles[b.offset + i];
                        result.doubles[i] = switch (operator) {
                            case PLUS -> x + y;
                            case MINUS -> x - y;
                            case TIMES -> x * y;
                            case DIVIDE -> x / y;
                            default -> throw new AssertionError(operator);
                        };
                    }
                }
                return result;
            };
        }

        @Override
        public String toString()
        {
            return operator.sql + "(" + left + ", " + right + ")";
        }
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof VectorExpression expression && getClass() == other.getClass() && toString().equals(expression.toString());
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(getClass(), toString());
    }
}

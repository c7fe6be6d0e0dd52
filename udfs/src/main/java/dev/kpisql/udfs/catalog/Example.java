package dev.kpisql.udfs.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A small input and its expected answer, worked out by hand from the definition. Each row
 * holds one value per argument, in argument order, as Long, Double, String, Boolean,
 * LocalDate, LocalDateTime, Duration (an INTERVAL DAY TO SECOND), a List of Boolean (an
 * ARRAY(BOOLEAN), elements may be null) or null. {@code expected} is a Double, a String, a Long
 * (BIGINT), a Boolean, a List of Long (ARRAY(INTEGER)), a {@code Map} of field name to value in
 * field order for a ROW (a field may be null), null for NULL, or a
 * {@link Failure}: the query must fail with exactly that message (the contract's invalid inputs).
 * Every engine runs the example through {@link #sql} and compares its answer to {@code expected}.
 */
public record Example(String title, List<List<Object>> rows, Object expected)
{
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public Example
    {
        requireNonNull(title, "title");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one row: " + title);
        }
        // List.copyOf rejects nulls, which rows may hold
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    /** The answer of an example whose input is invalid: the query fails with this message. */
    public record Failure(String message, dev.kpisql.udfs.KpiException.Kind kind)
    {
        public Failure
        {
            requireNonNull(message, "message");
            requireNonNull(kind, "kind");
        }
    }

    /** An example whose input breaks the contract, with the core's exact message. */
    public static Example invalid(String title, List<List<Object>> rows, String message)
    {
        return new Example(title, rows, new Failure(message, dev.kpisql.udfs.KpiException.Kind.INVALID_ARGUMENT));
    }

    /** An example whose exact count or sum overflows. */
    public static Example overflow(String title, List<List<Object>> rows, String message)
    {
        return new Example(title, rows, new Failure(message, dev.kpisql.udfs.KpiException.Kind.OVERFLOW));
    }

    public boolean fails()
    {
        return expected instanceof Failure;
    }

    /** A row of values, for readable example tables: {@code row(9L)}, {@code row(10.0, "month")}. */
    public static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }

    /** The same rows repeated {@code times} times. */
    public static List<List<Object>> repeat(int times, List<Object> row)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            rows.add(row);
        }
        return rows;
    }

    /**
     * The example as one SQL query that both engines run, e.g.
     * {@code SELECT nps(score) FROM (VALUES (9), (10), (3)) AS t(score)}.
     */
    public String sql(String function, Overload overload)
    {
        List<Argument> arguments = overload.arguments();
        StringBuilder sql = new StringBuilder("SELECT ").append(function).append('(');
        appendNames(sql, arguments);
        sql.append(") FROM (VALUES ").append(valuesRows(overload, null)).append(") AS t(");
        appendNames(sql, arguments);
        return sql.append(')').toString();
    }

    /**
     * The example's rows as the rows of a VALUES list, {@code (9), (10), (3)}; with a
     * {@code leading} value, each row starts with it, {@code (1, 9), (1, 10), (1, 3)}, for tests
     * that put several examples into one table.
     */
    public String valuesRows(Overload overload, Object leading)
    {
        List<Argument> arguments = overload.arguments();
        StringBuilder sql = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != arguments.size()) {
                throw new IllegalStateException("example '" + title + "' has a row of " + row.size() + " values for " + arguments.size() + " arguments");
            }
            sql.append(r == 0 ? "(" : ", (");
            if (leading != null) {
                sql.append(leading).append(", ");
            }
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                Object value = row.get(i);
                // one literal type per column: Calcite 1.42 fails at run time on VALUES rows that
                // mix integer and DOUBLE literals in a column (ClassCastException BigDecimal → Double)
                if (value instanceof Long whole && doubleColumn(i)) {
                    value = whole.doubleValue();
                }
                sql.append(literal(value, arguments.get(i).type(), doubleColumn(i) ? (Object) 0.0 : column(i)));
            }
            sql.append(')');
        }
        return sql.toString();
    }

    private static void appendNames(StringBuilder sql, List<Argument> arguments)
    {
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(arguments.get(i).sqlName());
        }
    }

    private boolean doubleColumn(int index)
    {
        return rows.stream().anyMatch(row -> row.get(index) instanceof Double);
    }

    /** The first non-NULL value of a column, which decides the type of the column's NULLs. */
    private Object column(int index)
    {
        return rows.stream().map(row -> row.get(index)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * A SQL literal that both Trino and Calcite read as the argument's type; a NULL is cast to
     * the type of the column's other values, or to the argument's preferred type.
     */
    static String literal(Object value, ArgType type, Object columnSample)
    {
        if (value == null && type == ArgType.CONDITIONS) {
            // CAST(NULL AS …) spells array types differently in Trino and Calcite; a CASE does not
            return "CASE WHEN FALSE THEN ARRAY[TRUE] END";
        }
        if (value == null) {
            SqlType sqlType = columnSample instanceof String ? SqlType.VARCHAR
                    : columnSample instanceof Long || columnSample instanceof Integer ? (type.sqlTypes().contains(SqlType.BIGINT) ? SqlType.BIGINT : type.sqlTypes().get(0))
                    : columnSample instanceof Double && type.sqlTypes().contains(SqlType.DOUBLE) ? SqlType.DOUBLE
                    : type.sqlTypes().get(0);
            return "CAST(NULL AS " + sqlType.sql() + ")";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "CAST('" + d + "' AS DOUBLE)";
            }
            String text = Double.toString(d);
            // an exponent makes the literal a DOUBLE (not a DECIMAL) in both engines
            return text.contains("E") ? text : text + "E0";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        }
        if (value instanceof LocalDateTime timestamp) {
            // no more fractional digits than needed: Calcite's default TIMESTAMP precision is 3
            int nanos = timestamp.getNano();
            String fraction = nanos == 0 ? "" : nanos % 1_000_000 == 0 ? String.format(".%03d", nanos / 1_000_000) : String.format(".%06d", nanos / 1_000);
            return "TIMESTAMP '" + SECONDS.format(timestamp) + fraction + "'";
        }
        if (value instanceof java.time.Duration duration) {
            return interval(duration);
        }
        if (value instanceof List<?> flags) {
            StringBuilder array = new StringBuilder("ARRAY[");
            for (int i = 0; i < flags.size(); i++) {
                array.append(i == 0 ? "" : ", ").append(flags.get(i) == null ? "NULL" : literal(flags.get(i), ArgType.FLAG, null));
            }
            return array.append(']').toString();
        }
        throw new IllegalArgumentException("no SQL literal for " + value.getClass().getName());
    }

    /**
     * An INTERVAL DAY TO SECOND literal in the largest unit that holds the duration whole,
     * {@code INTERVAL '7' DAY}, {@code INTERVAL '90' MINUTE}, {@code INTERVAL '1.5' SECOND}; a
     * negative duration has its sign before the string, as standard SQL spells it.
     */
    static String interval(java.time.Duration duration)
    {
        java.time.Duration magnitude = duration.abs();
        String sign = duration.isNegative() ? "-" : "";
        long millis = magnitude.toMillis();
        if (millis % 86_400_000 == 0 && millis > 0) {
            return "INTERVAL " + sign + "'" + millis / 86_400_000 + "' DAY";
        }
        if (millis % 3_600_000 == 0 && millis > 0) {
            return "INTERVAL " + sign + "'" + millis / 3_600_000 + "' HOUR";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return "INTERVAL " + sign + "'" + millis / 60_000 + "' MINUTE";
        }
        String seconds = millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
        return "INTERVAL " + sign + "'" + seconds + "' SECOND";
    }
}

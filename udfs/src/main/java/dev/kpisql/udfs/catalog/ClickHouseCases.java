package dev.kpisql.udfs.catalog;


import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * ClickHouse's own tests of {@code windowFunnel}, {@code retention}, {@code sequenceMatch} and
 * {@code sequenceCount}, ported to kpi-sql, with the answers copied from ClickHouse's
 * {@code .reference} files — not computed by this code. The core, Trino (a three-node cluster, a
 * single node and Trino's aggregation harness) and the embedded engine each run every case and
 * must give those answers.
 *
 * <p>A case is ClickHouse's table (its columns renamed where the name is a reserved word: timestamp,
 * time, date, user), one call of a kpi-sql function over it with the conditions ClickHouse's query
 * has, and the shape of ClickHouse's query around it. Each condition is written once and read both
 * as SQL and, for the core, as Java. Where kpi-sql's contract differs from ClickHouse (NULL for an
 * empty group, a BIGINT amount is seconds with a TIMESTAMP ts, an empty pattern is an error) the case
 * is adapted and its {@code note} says how and why. Sources are ClickHouse's
 * {@code tests/queries/0_stateless/}.
 */
public final class ClickHouseCases
{
    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ClickHouseCases() {}

    /** How ClickHouse's query wraps the function. */
    public enum Shape
    {
        /** {@code SELECT f(…) FROM t}: one row, the answer. */
        SINGLE,
        /** {@code SELECT g, f(…) FROM t GROUP BY g ORDER BY g [LIMIT n]}: rows (g, answer). */
        GROUPED,
        /** {@code SELECT level, count(*) FROM (SELECT g, f(…) AS level … GROUP BY g) GROUP BY level ORDER BY level}. */
        LEVELS,
        /** {@code SELECT sum(r[1]), …, sum(r[k]) FROM (SELECT g, f(…) AS r … GROUP BY g)}: one row of k sums. */
        SUMS,
    }

    /** A value of a row of a case's table, in SQL and in Java (SQL's three-valued logic: NULL is null). */
    public interface Expression
    {
        String sql();

        Object value(Row row);
    }

    /** One row of a table, its values by column name. */
    public record Row(Map<String, Integer> columns, Object[] values)
    {
        public Object get(String column)
        {
            return values[columns.get(column)];
        }
    }

    /**
     * A ClickHouse test table: column names and types, its rows, and the SQL that produces them —
     * a VALUES list, or for the large generated tables a query over a cross join of digits, which
     * both engines read.
     */
    public record Table(String name, List<String> columns, List<SqlType> types, Supplier<List<Object[]>> rows, String generated)
    {
        public Table
        {
            requireNonNull(name, "name");
            columns = List.copyOf(columns);
            types = List.copyOf(types);
            requireNonNull(rows, "rows");
        }

        /** The table as a FROM item, {@code (VALUES …) AS t(a, b)} or {@code (SELECT …) AS t}. */
        public String sql()
        {
            if (generated != null) {
                return "(" + generated + ") AS t";
            }
            StringBuilder sql = new StringBuilder("(VALUES ");
            List<Object[]> values = rows.get();
            for (int r = 0; r < values.size(); r++) {
                sql.append(r == 0 ? "(" : ", (");
                for (int c = 0; c < columns.size(); c++) {
                    String value = literal(values.get(r)[c], types.get(c));
                    // a first row of VARCHAR keeps Calcite from padding the column's literals to one length (CHAR)
                    boolean text = r == 0 && types.get(c) == SqlType.VARCHAR && values.get(r)[c] != null;
                    sql.append(c == 0 ? "" : ", ").append(text ? "CAST(" + value + " AS VARCHAR)" : value);
                }
                sql.append(')');
            }
            return sql.append(") AS t(").append(String.join(", ", columns)).append(')').toString();
        }

        List<Row> records()
        {
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                index.put(columns.get(c), c);
            }
            List<Row> records = new ArrayList<>();
            for (Object[] row : rows.get()) {
                records.add(new Row(index, row));
            }
            return records;
        }
    }

    /**
     * One ported query.
     *
     * @param id ClickHouse's test and the query's place in it, e.g. {@code 00632 #13}
     * @param source the ClickHouse file (and commit) the query and its answer come from
     * @param note empty when ported as is; otherwise what was adapted and why
     * @param arguments the function's arguments, in its argument order
     * @param group the GROUP BY column, or null
     * @param limit ClickHouse's LIMIT of a GROUPED query, or 0
     * @param expected the reference's rows, or null when the case fails with {@code failure}
     */
    public record Case(String id, String source, String note, Table table, String function, int overload, List<Expression> arguments,
            String group, Shape shape, int limit, List<List<Object>> expected, String failure)
    {
        public Case
        {
            requireNonNull(id, "id");
            requireNonNull(source, "source");
            requireNonNull(note, "note");
            requireNonNull(table, "table");
            requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            requireNonNull(shape, "shape");
            if ((expected == null) == (failure == null)) {
                throw new IllegalArgumentException(id + ": a case has rows or a failure");
            }
        }

        public Overload catalogOverload()
        {
            return Catalog.function(function).orElseThrow().overloads().get(overload);
        }

        public String name()
        {
            return id + " " + call();
        }

        public String call()
        {
            return function + "(" + String.join(", ", arguments.stream().map(Expression::sql).toList()) + ")";
        }

        /** The query both engines run. */
        public String sql()
        {
            String from = table.sql();
            return switch (shape) {
                case SINGLE -> "SELECT " + call() + " FROM " + from;
                case GROUPED -> "SELECT " + group + ", " + call() + " FROM " + from + " GROUP BY " + group + " ORDER BY " + group + (limit > 0 ? " LIMIT " + limit : "");
                case LEVELS -> "SELECT level, count(*) AS c FROM (SELECT " + group + ", " + call() + " AS level FROM " + from + " GROUP BY " + group + ") AS per_group GROUP BY level ORDER BY level";
                case SUMS -> {
                    int k = ((List<?>) expected.get(0)).size();
                    List<String> sums = new ArrayList<>();
                    for (int i = 1; i <= k; i++) {
                        sums.add("sum(r[" + i + "]) AS r" + i);
                    }
                    yield "SELECT " + String.join(", ", sums) + " FROM (SELECT " + group + ", " + call() + " AS r FROM " + from + " GROUP BY " + group + ") AS per_group";
                }
            };
        }

        /** The function's argument values of every row, by group (one group when there is no GROUP BY), in the catalog's example form. */
        public Map<Object, List<List<Object>>> argumentsByGroup()
        {
            // the group keys of the ported tables (BIGINT and VARCHAR columns) are never NULL
            Map<Object, List<List<Object>>> groups = new java.util.TreeMap<>();
            for (Row record : table.records()) {
                List<Object> values = new ArrayList<>();
                for (Expression argument : arguments) {
                    values.add(argument.value(record));
                }
                groups.computeIfAbsent(group == null ? "" : record.get(group), key -> new ArrayList<>()).add(Collections.unmodifiableList(values));
            }
            return groups;
        }

        /** The case in the core alone: each group through the catalog's accumulator, then the query's shape. */
        public List<List<Object>> evaluate()
        {
            // as Overload.evaluate, row by row: a row with a NULL argument is skipped, its group stays
            Overload overload = catalogOverload();
            List<Argument> parameters = overload.arguments();
            Map<Object, dev.kpisql.udfs.KpiAccumulator> states = new java.util.TreeMap<>();
            for (Row record : table.records()) {
                dev.kpisql.udfs.KpiAccumulator state = states.computeIfAbsent(group == null ? "" : record.get(group), key -> overload.accumulator().get());
                Object[] values = new Object[parameters.size()];
                boolean skipped = false;
                for (int i = 0; i < values.length && !skipped; i++) {
                    Object value = arguments.get(i).value(record);
                    skipped = value == null;
                    values[i] = skipped ? null : parameters.get(i).type().toInternal(value);
                }
                if (!skipped) {
                    state.add(values);
                }
            }
            Map<Object, Object> answers = new LinkedHashMap<>();
            states.forEach((key, state) -> answers.put(key, state.result()));
            List<List<Object>> result = new ArrayList<>();
            switch (shape) {
                case SINGLE -> result.add(Collections.singletonList(answers.values().iterator().next()));
                case GROUPED -> answers.forEach((key, answer) -> {
                    if (limit == 0 || result.size() < limit) {
                        result.add(Arrays.asList(key, answer));
                    }
                });
                case LEVELS -> {
                    Map<Object, Long> counts = new java.util.TreeMap<>();
                    answers.values().forEach(level -> counts.merge(level, 1L, Long::sum));
                    counts.forEach((level, count) -> result.add(List.of(level, count)));
                }
                case SUMS -> {
                    int k = ((List<?>) expected.get(0)).size();
                    List<Object> sums = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        long sum = 0;
                        for (Object answer : answers.values()) {
                            sum += (Long) ((List<?>) answer).get(i);
                        }
                        sums.add(sum);
                    }
                    result.add(sums);
                }
            }
            return result;
        }

        /** Whether an engine's rows are the reference's: numbers by value, arrays element by element. */
        public boolean matches(List<List<Object>> rows)
        {
            if (rows.size() != expected.size()) {
                return false;
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> got = rows.get(r);
                List<Object> want = expected.get(r);
                if (got.size() != want.size()) {
                    return false;
                }
                for (int c = 0; c < got.size(); c++) {
                    Object a = got.get(c);
                    Object e = want.get(c);
                    boolean same = a instanceof Number x && e instanceof Number y ? x.longValue() == y.longValue() : ShapeQuery.matches(a, e);
                    if (!same) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    // ---- expressions --------------------------------------------------------------------------

    private static Expression column(String name)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return name;
            }

            @Override
            public Object value(Row row)
            {
                return row.get(name);
            }
        };
    }

    private static Expression constant(Object value)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return literal(value, null);
            }

            @Override
            public Object value(Row row)
            {
                return value;
            }
        };
    }

    /** {@code column OP value}: =, <>, <=, >=. */
    private static Expression compare(String column, String operator, Object value)
    {
        return compare(column(column), operator, value);
    }

    private static Expression compare(Expression left, String operator, Object value)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return left.sql() + " " + operator + " " + literal(value, null);
            }

            @Override
            public Object value(Row row)
            {
                Object actual = left.value(row);
                if (actual == null) {
                    return null;
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                int comparison = ((Comparable) actual).compareTo(value);
                return switch (operator) {
                    case "=" -> comparison == 0;
                    case "<>" -> comparison != 0;
                    case "<=" -> comparison <= 0;
                    case ">=" -> comparison >= 0;
                    default -> throw new IllegalArgumentException(operator);
                };
            }
        };
    }

    private static Expression eq(String column, Object value)
    {
        return compare(column, "=", value);
    }

    private static Expression isNull(String column)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return column + " IS NULL";
            }

            @Override
            public Object value(Row row)
            {
                return row.get(column) == null;
            }
        };
    }

    private static Expression and(Expression left, Expression right)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return left.sql() + " AND " + right.sql();
            }

            @Override
            public Object value(Row row)
            {
                Object a = left.value(row);
                Object b = right.value(row);
                if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
                    return false;
                }
                return a == null || b == null ? null : true;
            }
        };
    }

    /** {@code COALESCE(column, '')}. */
    private static Expression orEmpty(String column)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return "COALESCE(" + column + ", '')";
            }

            @Override
            public Object value(Row row)
            {
                Object value = row.get(column);
                return value == null ? "" : value;
            }
        };
    }

    /** {@code MOD(column, divisor)}. */
    private static Expression mod(String column, long divisor)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return "MOD(" + column + ", " + divisor + ")";
            }

            @Override
            public Object value(Row row)
            {
                Object value = row.get(column);
                return value == null ? null : Math.floorMod((Long) value, divisor);
            }
        };
    }

    private static Expression array(Expression... elements)
    {
        return new Expression()
        {
            @Override
            public String sql()
            {
                return "ARRAY[" + String.join(", ", Arrays.stream(elements).map(Expression::sql).toList()) + "]";
            }

            @Override
            public Object value(Row row)
            {
                List<Boolean> flags = new ArrayList<>();
                for (Expression element : elements) {
                    flags.add((Boolean) element.value(row));
                }
                return Collections.unmodifiableList(flags);
            }
        };
    }

    /** {@code ARRAY[column = v1, column = v2, …]}. */
    private static Expression steps(String column, Object... values)
    {
        return array(Arrays.stream(values).map(value -> eq(column, value)).toArray(Expression[]::new));
    }

    private static String literal(Object value, SqlType type)
    {
        if (value == null) {
            return "CAST(NULL AS " + type.sql() + ")";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "TRUE" : "FALSE";
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        }
        if (value instanceof LocalDateTime timestamp) {
            return "TIMESTAMP '" + SECONDS.format(timestamp) + "'";
        }
        if (value instanceof Duration duration) {
            return Example.interval(duration);
        }
        throw new IllegalArgumentException("no literal for " + value.getClass());
    }

    // ---- tables ---------------------------------------------------------------------------------

    /** A table's rows made on first use and kept: the large generated tables are read by several cases. */
    private static Supplier<List<Object[]>> once(Supplier<List<Object[]>> rows)
    {
        return new Supplier<>()
        {
            private List<Object[]> made;

            @Override
            public synchronized List<Object[]> get()
            {
                if (made == null) {
                    made = List.copyOf(rows.get());
                }
                return made;
            }
        };
    }

    private static Object[] values(Object... values)
    {
        return values;
    }

    private static Table table(String name, List<String> columns, List<SqlType> types, Object[]... rows)
    {
        List<Object[]> list = List.of(rows);
        return new Table(name, columns, types, () -> list, null);
    }

    private static LocalDateTime seconds(long epochSecond)
    {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC);
    }

    /** {@code SELECT n FROM …} with n = 0 … 10^digits − 1, from a cross join of digits, in both engines' SQL. */
    private static String numbers(int digits)
    {
        String digit = "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";
        List<String> terms = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        long weight = 1;
        for (int d = 1; d <= digits; d++) {
            terms.add(weight == 1 ? "d1.x" : weight + " * d" + d + ".x");
            joins.add(digit + " AS d" + d + "(x)");
            weight *= 10;
        }
        return "SELECT CAST(" + String.join(" + ", terms) + " AS BIGINT) AS n FROM " + String.join(" CROSS JOIN ", joins);
    }

    private static final String REF_00632 = "00632_aggregation_window_funnel.sql/.reference, commit 0882b32b (the echoOn reference: each query beside its answer)";

    private static final Table FUNNEL_TEST = table("funnel_test", List.of("ts", "event"), List.of(SqlType.BIGINT, SqlType.BIGINT),
            values(0L, 1000L), values(1L, 1001L), values(2L, 1002L), values(3L, 1003L), values(4L, 1004L), values(5L, 1005L), values(6L, 1006L), values(7L, 1007L), values(8L, 1008L));

    private static final Table FUNNEL_TEST2 = table("funnel_test2", List.of("uid", "ts", "event"), List.of(SqlType.BIGINT, SqlType.TIMESTAMP, SqlType.BIGINT),
            values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 1), 1001L), values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 2), 1002L),
            values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 3), 1003L), values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 4), 1004L),
            values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 5), 1005L), values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 6), 1006L),
            values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 7), 1007L), values(1L, LocalDateTime.of(2018, 1, 1, 1, 1, 8), 1008L));

    private static final Table FUNNEL_TEST_U64 = table("funnel_test_u64", List.of("uid", "ts", "event"), List.of(SqlType.BIGINT, SqlType.BIGINT, SqlType.BIGINT),
            values(1L, 100_000_000_000_001L, 1001L), values(1L, 100_000_000_000_002L, 1002L), values(1L, 100_000_000_000_003L, 1003L), values(1L, 100_000_000_000_004L, 1004L),
            values(1L, 100_000_000_000_005L, 1005L), values(1L, 100_000_000_000_006L, 1006L), values(1L, 100_000_000_000_007L, 1007L), values(1L, 100_000_000_000_008L, 1008L));

    private static final Table FUNNEL_TEST_STRICT = table("funnel_test_strict", List.of("ts", "event"), List.of(SqlType.BIGINT, SqlType.BIGINT),
            values(0L, 1000L), values(10L, 1001L), values(20L, 1002L), values(30L, 1003L), values(40L, 1004L), values(50L, 1005L), values(51L, 1005L),
            values(60L, 1006L), values(70L, 1007L), values(80L, 1008L));

    /** ClickHouse's DateTime column dt of small integers is seconds since 1970. */
    private static final Table FUNNEL_TEST_STRICT_ORDER = strictOrderTable(false);
    private static final Table FUNNEL_TEST_STRICT_ORDER_7 = strictOrderTable(true);

    private static Table strictOrderTable(boolean user7)
    {
        List<Object[]> rows = new ArrayList<>();
        String[][] users = {{"a", "b", "c"}, {"a", "d", "b", "c"}, {"a", "a", "b", "b", "c", "c"}, {"a", "a", "a", "a", "b", "b", "c", "c"},
                {"a", "a", "b", "b", "d", "c", "c"}, {"c", "c", "b", "b", "a", "a"}};
        for (int u = 0; u < users.length; u++) {
            for (int i = 0; i < users[u].length; i++) {
                rows.add(values(seconds(i + 1), (long) u + 1, users[u][i]));
            }
        }
        if (user7) {
            rows.add(values(seconds(1), 7L, "a"));
            rows.add(values(seconds(2), 7L, "c"));
            rows.add(values(seconds(3), 7L, "b"));
        }
        return new Table("funnel_test_strict_order", List.of("dt", "uid", "event"), List.of(SqlType.TIMESTAMP, SqlType.BIGINT, SqlType.VARCHAR), () -> rows, null);
    }

    private static final Table STRICT_BITE = table("strict_BiteTheDDDD", List.of("ts", "event"), List.of(SqlType.BIGINT, SqlType.VARCHAR),
            values(1L, "a"), values(2L, "b"), values(3L, "c"), values(4L, "b"), values(5L, "d"));

    private static final Table FUNNEL_TEST_NON_NULL = table("funnel_test_non_null", List.of("dt", "u", "a", "b"), List.of(SqlType.TIMESTAMP, SqlType.BIGINT, SqlType.VARCHAR, SqlType.VARCHAR),
            values(seconds(1), 1L, "a1", "b1"), values(seconds(2), 1L, "a2", "b2"),
            values(seconds(1), 2L, "a1", null), values(seconds(2), 2L, "a2", null),
            values(seconds(1), 3L, null, null),
            values(seconds(1), 4L, null, "b1"), values(seconds(2), 4L, "a2", null), values(seconds(3), 4L, null, "b3"));

    private static final Table FUNNEL_TEST_STRICT_INCREASE = table("funnel_test_strict_increase", List.of("ts", "event"), List.of(SqlType.BIGINT, SqlType.BIGINT),
            values(0L, 1000L), values(1L, 1001L), values(1L, 1002L), values(1L, 1003L), values(2L, 1004L));

    private static final Table FUNNEL_TEST2_ONCE = table("funnel_test2", List.of("event_ts", "result", "uid"), List.of(SqlType.BIGINT, SqlType.VARCHAR, SqlType.BIGINT),
            values(100L, "failure", 234L), values(200L, "success", 345L), values(210L, "failure", 345L), values(230L, "success", 345L),
            values(250L, "failure", 234L), values(180L, "failure", 123L), values(220L, "failure", 123L), values(250L, "success", 123L));

    private static final Table REMOTE_TEST = new Table("remote_test", List.of("uid", "its", "action_code"), List.of(SqlType.VARCHAR, SqlType.BIGINT, SqlType.VARCHAR), once(() -> {
        List<Object[]> rows = new ArrayList<>();
        for (long n = 0; n < 10_000; n++) {
            rows.add(values(Long.toString(n), n % 3, Long.toString(n % 3)));
        }
        return rows;
    }), "SELECT CAST(n AS VARCHAR) AS uid, MOD(n, 3) AS its, CAST(MOD(n, 3) AS VARCHAR) AS action_code FROM (" + numbers(4) + ") AS numbers");

    private static Table trend(long... eventIds)
    {
        // ClickHouse's DateTime timestamps 2019-01-29 10:00:00, the same, and 2019-01-28 10:00:00
        LocalDateTime[] times = {LocalDateTime.of(2019, 1, 29, 10, 0), LocalDateTime.of(2019, 1, 29, 10, 0), LocalDateTime.of(2019, 1, 28, 10, 0)};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(values(1L, times[i], times[i].toEpochSecond(java.time.ZoneOffset.UTC), eventIds[i]));
        }
        return new Table("trend", List.of("user_id", "ts", "epoch_seconds", "event_id"), List.of(SqlType.BIGINT, SqlType.TIMESTAMP, SqlType.BIGINT, SqlType.BIGINT), () -> rows, null);
    }

    private static Table retentionTable(int day6, int day7, int day8)
    {
        List<Object[]> rows = new ArrayList<>();
        int[] counts = {day6, day7, day8};
        for (int d = 0; d < 3; d++) {
            for (long uid = 0; uid < counts[d]; uid++) {
                rows.add(values(LocalDate.of(2018, 8, 6 + d), uid));
            }
        }
        return new Table("retention_test", List.of("event_date", "uid"), List.of(SqlType.DATE, SqlType.BIGINT), () -> rows, null);
    }

    private static final Table SEQUENCE_TEST = table("sequence_test", List.of("ts", "data"), List.of(SqlType.BIGINT, SqlType.BIGINT),
            values(0L, 0L), values(1L, 0L), values(2L, 0L), values(3L, 0L), values(4L, 1L), values(5L, 2L), values(6L, 0L), values(7L, 0L),
            values(8L, 0L), values(9L, 0L), values(10L, 1L), values(11L, 1L));

    private static final Table SEQUENCE_DFA = new Table("sequence", List.of("user_id", "event_type", "event_time"), List.of(SqlType.BIGINT, SqlType.VARCHAR, SqlType.BIGINT), once(() -> {
        List<Object[]> rows = new ArrayList<>(1_000_002);
        for (long n = 0; n <= 1_000_000; n++) {
            rows.add(values(1L, n == 0 ? "A" : n < 1_000_000 ? "B" : "C", n));
        }
        rows.add(values(1L, "D", 100_000_000_000_000L));
        return rows;
    }), "SELECT 1 AS user_id, CASE WHEN n = 0 THEN 'A' WHEN n < 1000000 THEN 'B' ELSE 'C' END AS event_type, n AS event_time FROM (" + numbers(6)
            + " UNION ALL SELECT CAST(1000000 AS BIGINT) AS n) AS numbers UNION ALL SELECT 1 AS user_id, 'D' AS event_type, CAST(100000000000000 AS BIGINT) AS event_time");

    private static final Table SEQT = new Table("02713_seqt", List.of("ts", "number_"), List.of(SqlType.BIGINT, SqlType.BIGINT), () -> {
        List<Object[]> rows = new ArrayList<>();
        for (long n = 0; n < 100; n++) {
            rows.add(values(n, n % 2));
        }
        return rows;
    }, null);

    private static final Table DEDUP_37177 = table("test_windowfunnel_strict_dedup", List.of("ts", "event"), List.of(SqlType.TIMESTAMP, SqlType.VARCHAR),
            values(LocalDateTime.of(2022, 5, 13, 12, 0, 0), "install"), values(LocalDateTime.of(2022, 5, 13, 12, 0, 5), "start"),
            values(LocalDateTime.of(2022, 5, 13, 12, 0, 10), "login"), values(LocalDateTime.of(2022, 5, 13, 12, 0, 15), "install"),
            values(LocalDateTime.of(2022, 5, 13, 12, 0, 20), "start"), values(LocalDateTime.of(2022, 5, 13, 12, 0, 25), "install"),
            values(LocalDateTime.of(2022, 5, 13, 12, 0, 30), "start"), values(LocalDateTime.of(2022, 5, 13, 12, 0, 35), "login"),
            values(LocalDateTime.of(2022, 5, 13, 12, 0, 40), "end"));

    // ---- the cases ------------------------------------------------------------------------------

    private static List<List<Object>> one(Object value)
    {
        return List.of(Collections.singletonList(value));
    }

    @SafeVarargs
    private static List<List<Object>> rows(List<Object>... rows)
    {
        return List.of(rows);
    }

    private static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }

    private static final class Builder
    {
        private final List<Case> cases = new ArrayList<>();

        void funnel(String id, String source, String note, Table table, long window, String ts, Expression steps, String mode, String group, Shape shape, List<List<Object>> expected)
        {
            List<Expression> arguments = new ArrayList<>(List.of(constant(window), column(ts), steps));
            if (mode != null) {
                arguments.add(constant(mode));
            }
            cases.add(new Case(id, source, note, table, "window_funnel", mode == null ? 0 : 1, arguments, group, shape, 0, expected, null));
        }

        void sequence(String id, String function, String pattern, Table table, String ts, Expression conditions, Object expected, String note)
        {
            cases.add(new Case(id, "00222_sequence_aggregate_function_family.sql/.reference", note, table, function, 0,
                    List.of(constant(pattern), column(ts), conditions), null, Shape.SINGLE, 0, expected instanceof String ? null : one(expected),
                    expected instanceof String message ? message : null));
        }

        void add(Case value)
        {
            cases.add(value);
        }
    }

    private static final String ANSWER_IN_QUERY = "the answer is the left side of ClickHouse's 'select N = f(…)', which the reference confirms (1)";

    /** Every ported case. */
    public static List<Case> all()
    {
        Builder b = new Builder();
        Expression fiveSteps = steps("event", 1003L, 1004L, 1005L, 1006L, 1007L);
        // 00632_aggregation_window_funnel
        b.funnel("00632 #1", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 10000, "ts", steps("event", 1000L), null, null, Shape.SINGLE, one(1L));
        b.funnel("00632 #2", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 10000, "ts", steps("event", 1000L, 1001L), null, null, Shape.SINGLE, one(2L));
        b.funnel("00632 #3", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 10000, "ts", steps("event", 1000L, 1001L, 1002L), null, null, Shape.SINGLE, one(3L));
        b.funnel("00632 #4", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 10000, "ts", steps("event", 1000L, 1001L, 1002L, 1008L), null, null, Shape.SINGLE, one(4L));
        b.funnel("00632 #5", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 1, "ts", steps("event", 1000L), null, null, Shape.SINGLE, one(1L));
        b.funnel("00632 #6", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 2, "ts", fiveSteps, null, null, Shape.SINGLE, one(3L));
        b.funnel("00632 #7", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 3, "ts", fiveSteps, null, null, Shape.SINGLE, one(4L));
        b.funnel("00632 #8", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST, 4, "ts", fiveSteps, null, null, Shape.SINGLE, one(5L));
        String dateTime = ANSWER_IN_QUERY + "; ClickHouse's DateTime is a TIMESTAMP here, and its window 4 seconds a BIGINT amount of seconds (S1)";
        b.funnel("00632 #9", REF_00632, dateTime, FUNNEL_TEST2, 4, "ts", fiveSteps, null, null, Shape.SINGLE, one(5L));
        b.funnel("00632 #10", REF_00632, dateTime, FUNNEL_TEST2, 10000, "ts", steps("event", 1001L, 1008L), null, null, Shape.SINGLE, one(2L));
        b.funnel("00632 #11", REF_00632, dateTime, FUNNEL_TEST2, 10000, "ts", steps("event", 1008L, 1001L), null, null, Shape.SINGLE, one(1L));
        b.funnel("00632 #12", REF_00632, dateTime, FUNNEL_TEST2, 4, "ts", array(compare("event", "<=", 1007L), compare("event", ">=", 1002L), compare("event", "<=", 1006L), compare("event", ">=", 1004L)),
                null, null, Shape.SINGLE, one(4L));
        String u64 = ANSWER_IN_QUERY + "; the UInt64 clock is a BIGINT";
        b.funnel("00632 #13", REF_00632, u64, FUNNEL_TEST_U64, 4, "ts", fiveSteps, null, null, Shape.SINGLE, one(5L));
        b.funnel("00632 #14", REF_00632, u64, FUNNEL_TEST_U64, 10000, "ts", steps("event", 1001L, 1008L), null, null, Shape.SINGLE, one(2L));
        b.funnel("00632 #15", REF_00632, u64, FUNNEL_TEST_U64, 10000, "ts", steps("event", 1008L, 1001L), null, null, Shape.SINGLE, one(1L));
        b.funnel("00632 #16", REF_00632, u64, FUNNEL_TEST_U64, 4, "ts", array(compare("event", "<=", 1007L), compare("event", ">=", 1002L), compare("event", "<=", 1006L), compare("event", ">=", 1004L)),
                null, null, Shape.SINGLE, one(4L));
        Expression sevenSteps = steps("event", 1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L);
        b.funnel("00632 #17", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST_STRICT, 10000, "ts", sevenSteps, "strict_deduplication", null, Shape.SINGLE, one(6L));
        b.funnel("00632 #18", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST_STRICT, 10000, "ts", sevenSteps, null, null, Shape.SINGLE, one(7L));
        String users = "ClickHouse's column user is uid here (a reserved word); its DateTime dt is a TIMESTAMP and the window 86400 a BIGINT amount of seconds";
        Expression abc = steps("event", "a", "b", "c");
        b.funnel("00632 #19", REF_00632, users, FUNNEL_TEST_STRICT_ORDER, 86400, "dt", abc, null, "uid", Shape.GROUPED,
                rows(row(1L, 3L), row(2L, 3L), row(3L, 3L), row(4L, 3L), row(5L, 3L), row(6L, 1L)));
        b.funnel("00632 #20", REF_00632, users, FUNNEL_TEST_STRICT_ORDER, 86400, "dt", abc, "strict_order", "uid", Shape.GROUPED,
                rows(row(1L, 3L), row(2L, 1L), row(3L, 3L), row(4L, 3L), row(5L, 2L), row(6L, 1L)));
        b.funnel("00632 #21", REF_00632, users + "; ClickHouse's two parameters 'strict_deduplication', 'strict_order' are one comma-separated mode",
                FUNNEL_TEST_STRICT_ORDER, 86400, "dt", abc, "strict_deduplication, strict_order", "uid", Shape.GROUPED,
                rows(row(1L, 3L), row(2L, 1L), row(3L, 2L), row(4L, 2L), row(5L, 2L), row(6L, 1L)));
        b.funnel("00632 #22", REF_00632, users + "; ClickHouse's WHERE user = 7 is a table of user 7's rows", strictOrderUser7(), 10, "dt", abc, "strict_order", "uid", Shape.GROUPED,
                rows(row(7L, 1L)));
        b.funnel("00632 #23 (issue 27469)", REF_00632, ANSWER_IN_QUERY, STRICT_BITE, 86400, "ts", steps("event", "a", "b", "c", "d"), "strict_deduplication", null, Shape.SINGLE, one(3L));
        String nonNull = "ClickHouse's DateTime dt is a TIMESTAMP, the window 86400 a BIGINT amount of seconds";
        b.funnel("00632 #24", REF_00632, nonNull, FUNNEL_TEST_NON_NULL, 86400, "dt", array(compare(orEmpty("a"), "=", "a1"), compare(orEmpty("a"), "=", "a2")), null, "u", Shape.GROUPED,
                rows(row(1L, 2L), row(2L, 2L), row(3L, 0L), row(4L, 0L)));
        b.funnel("00632 #25", REF_00632, nonNull, FUNNEL_TEST_NON_NULL, 86400, "dt", array(compare(orEmpty("a"), "=", "a1"), compare(orEmpty("b"), "=", "b2")), null, "u", Shape.GROUPED,
                rows(row(1L, 2L), row(2L, 1L), row(3L, 0L), row(4L, 0L)));
        b.funnel("00632 #26", REF_00632, nonNull, FUNNEL_TEST_NON_NULL, 86400, "dt", array(and(isNull("a"), isNull("b"))), null, "u", Shape.GROUPED,
                rows(row(1L, 0L), row(2L, 0L), row(3L, 1L), row(4L, 0L)));
        b.funnel("00632 #27", REF_00632, nonNull, FUNNEL_TEST_NON_NULL, 86400, "dt", array(isNull("a"), compare(orEmpty("b"), "=", "b3")), null, "u", Shape.GROUPED,
                rows(row(1L, 0L), row(2L, 0L), row(3L, 1L), row(4L, 2L)));
        b.funnel("00632 #28", REF_00632, nonNull, FUNNEL_TEST_NON_NULL, 86400, "dt", array(isNull("a"), compare(orEmpty("b"), "=", "b3")), "strict_order", "u", Shape.GROUPED,
                rows(row(1L, 0L), row(2L, 0L), row(3L, 1L), row(4L, 1L)));
        Expression fiveIncreasing = steps("event", 1000L, 1001L, 1002L, 1003L, 1004L);
        Expression sameThrice = steps("event", 1004L, 1004L, 1004L);
        b.funnel("00632 #29", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST_STRICT_INCREASE, 10000, "ts", fiveIncreasing, null, null, Shape.SINGLE, one(5L));
        b.funnel("00632 #30", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST_STRICT_INCREASE, 10000, "ts", fiveIncreasing, "strict_increase", null, Shape.SINGLE, one(2L));
        b.funnel("00632 #31", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST_STRICT_INCREASE, 10000, "ts", sameThrice, null, null, Shape.SINGLE, one(3L));
        b.funnel("00632 #32", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST_STRICT_INCREASE, 10000, "ts", sameThrice, "strict_once", null, Shape.SINGLE, one(1L));
        b.funnel("00632 #33", REF_00632, ANSWER_IN_QUERY, FUNNEL_TEST_STRICT_INCREASE, 10000, "ts", sameThrice, "strict_increase", null, Shape.SINGLE, one(1L));
        Expression failures = array(eq("result", "failure"), eq("result", "failure"), eq("result", "success"));
        String once = "ClickHouse's toUInt32(event_ts) is the BIGINT clock event_ts; its WHERE event_ts BETWEEN 0 AND 300 keeps every row; two parameters are one mode";
        List<List<Object>> onceAnswer = rows(row(123L, 3L), row(234L, 2L), row(345L, 1L));
        b.funnel("00632 #34", REF_00632, once, FUNNEL_TEST2_ONCE, 200, "event_ts", failures, "strict_once, strict_increase", "uid", Shape.GROUPED, onceAnswer);
        b.funnel("00632 #35", REF_00632, once, FUNNEL_TEST2_ONCE, 200, "event_ts", failures, "strict_once", "uid", Shape.GROUPED, onceAnswer);
        b.funnel("00632 #36", REF_00632, once, FUNNEL_TEST2_ONCE, 200, "event_ts", failures, "strict_once, strict_deduplication", "uid", Shape.GROUPED, onceAnswer);
        // not ported from 00632 at 0882b32b: the allow_reentry queries (not a mode of the contract) and the strict_order
        // queries of its funnel_test_allow_reentry and funnel_test_ecommerce tables, whose answers (a repeated step 1 stopping
        // a strict_order funnel) are not those of ClickHouse's current source, which the contract follows (S6)

        // 00678_shard_funnel_window: one row per uid, which fills one or two steps
        b.funnel("00678", "00678_shard_funnel_window.sql/.reference", "ClickHouse's query runs three times over remote() shards; once here, on Trino's three nodes and its harness",
                REMOTE_TEST, 3600, "its", array(compare("action_code", "<>", ""), eq("action_code", "2")), null, "uid", Shape.LEVELS, rows(row(1L, 6667L), row(2L, 3333L)));

        // 01646_fix_window_funnel_inconistency: the answer does not depend on the rows' order
        String bigWindow = "ClickHouse's window 6048000000000000 is in DateTime's seconds; with a TIMESTAMP ts that overflows microseconds (S1), "
                + "so ts is the BIGINT clock of the same epoch seconds";
        b.funnel("01646 #1", "01646_fix_window_funnel_inconistency.sql/.reference", bigWindow, trend(1004, 1003, 1002), 6_048_000_000_000_000L, "epoch_seconds",
                steps("event_id", 1004L, 1003L, 1002L), null, "user_id", Shape.LEVELS, rows(row(2L, 1L)));
        b.funnel("01646 #2", "01646_fix_window_funnel_inconistency.sql/.reference", bigWindow, trend(1003, 1004, 1002), 6_048_000_000_000_000L, "epoch_seconds",
                steps("event_id", 1004L, 1003L, 1002L), null, "user_id", Shape.LEVELS, rows(row(2L, 1L)));
        b.add(new Case("01646 #1 with a TIMESTAMP ts", "01646_fix_window_funnel_inconistency.sql", "adapted: the same window with the TIMESTAMP ts is the contract's overflow error (S1), not ClickHouse's answer",
                trend(1004, 1003, 1002), "window_funnel", 0, List.of(constant(6_048_000_000_000_000L), column("ts"), steps("event_id", 1004L, 1003L, 1002L)), "user_id", Shape.LEVELS, 0, null,
                "window_funnel: window 6048000000000000 s in microseconds overflows BIGINT"));

        // 37177: ClickHouse PR 99003's test of the strict_deduplication fix
        String fix = "ClickHouse PR 99003 (fixes issue 37177), its stateless test: both queries answer 3 (the test's comments and the PR's description)";
        Expression installs = steps("event", "install", "start", "login", "end");
        b.funnel("37177 #1", fix, "its DateTime is a TIMESTAMP and the window 60 a BIGINT amount of seconds", DEDUP_37177, 60, "ts", installs, "strict_deduplication", null, Shape.SINGLE, one(3L));
        b.funnel("37177 #2", fix, "its DateTime is a TIMESTAMP and the window 60 a BIGINT amount of seconds; two parameters are one mode", DEDUP_37177, 60, "ts", installs,
                "strict_deduplication, strict_once", null, Shape.SINGLE, one(3L));

        // 00688_aggregation_retention and 00938_test_retention_function
        String renamed = "ClickHouse's column date is event_date here (a reserved word)";
        Table days = retentionTable(80, 50, 60);
        LocalDate d6 = LocalDate.of(2018, 8, 6);
        LocalDate d7 = LocalDate.of(2018, 8, 7);
        LocalDate d8 = LocalDate.of(2018, 8, 8);
        b.add(new Case("00688 #1", "00688_aggregation_retention.sql/.reference", renamed + "; its WHERE date IN (…) is a table of those days", retentionDays(days, d6, d7), "retention", 0,
                List.of(array(eq("event_date", d6), eq("event_date", d7))), "uid", Shape.SUMS, 0, rows(row(80L, 50L)), null));
        b.add(new Case("00688 #2", "00688_aggregation_retention.sql/.reference", renamed + "; its WHERE date IN (…) is a table of those days", retentionDays(days, d6, d8), "retention", 0,
                List.of(array(eq("event_date", d6), eq("event_date", d8))), "uid", Shape.SUMS, 0, rows(row(80L, 60L)), null));
        b.add(new Case("00688 #3", "00688_aggregation_retention.sql/.reference", renamed, days, "retention", 0,
                List.of(array(eq("event_date", d6), eq("event_date", d7), eq("event_date", d8))), "uid", Shape.SUMS, 0, rows(row(80L, 50L, 60L)), null));
        Table small = retentionDays(retentionTable(8, 6, 7), d6, d7);
        b.add(new Case("00938 #1", "00938_test_retention_function.sql/.reference", renamed + "; its WHERE date IN (…) is a table of those days", small, "retention", 0,
                List.of(array(eq("event_date", d6), eq("event_date", d7))), "uid", Shape.GROUPED, 5,
                rows(row(0L, List.of(1L, 1L)), row(1L, List.of(1L, 1L)), row(2L, List.of(1L, 1L)), row(3L, List.of(1L, 1L)), row(4L, List.of(1L, 1L))), null));
        b.add(new Case("00938 #2", "00938_test_retention_function.sql/.reference", renamed + "; ClickHouse's constant condition 1 is TRUE", small, "retention", 0,
                List.of(array(constant(true), eq("event_date", d6), eq("event_date", d7))), "uid", Shape.GROUPED, 5,
                rows(row(0L, List.of(1L, 1L, 1L)), row(1L, List.of(1L, 1L, 1L)), row(2L, List.of(1L, 1L, 1L)), row(3L, List.of(1L, 1L, 1L)), row(4L, List.of(1L, 1L, 1L))), null));
        b.add(new Case("00938 #3", "00938_test_retention_function.sql/.reference", renamed + "; ClickHouse's uid % 2 is MOD(uid, 2)", small, "retention", 0,
                List.of(array(compare(mod("uid", 2), "=", 0L), eq("event_date", d6), eq("event_date", d7))), "uid", Shape.GROUPED, 5,
                rows(row(0L, List.of(1L, 1L, 1L)), row(1L, List.of(0L, 0L, 0L)), row(2L, List.of(1L, 1L, 1L)), row(3L, List.of(0L, 0L, 0L)), row(4L, List.of(1L, 1L, 1L))), null));

        // 00222_sequence_aggregate_function_family (sequenceMatchEvents is not a kpi-sql function)
        Expression fourConditions = steps("data", 0L, 1L, 2L, 3L);
        Expression twoConditions = steps("data", 1L, 2L);
        String renamedTime = ANSWER_IN_QUERY + "; ClickHouse's column time is ts here (a reserved word), its UInt32 a BIGINT clock";
        String empty = "adapted: ClickHouse matches the empty pattern (1, and sequenceCount('') counts every event); the contract makes it an error naming its position";
        Object[][] matches = {
                {"", "sequence_match: pattern '' at position 1: expected (?N), '.' or '.*', found the end of the pattern"},
                {".", true}, {".*", true}, {"(?1)", true}, {"(?2)", true}, {"(?3)", true}, {"(?4)", false},
                {"(?1)(?1)", true}, {"(?1)(?1)(?1)", true}, {"(?1)(?1)(?1)(?1)", true}, {"(?1)(?1)(?1)(?1)(?1)", false}, {"(?1)(?1)(?1)(?1)(?2)", true},
                {"(?1)(?t>10)(?2)", true}, {"(?1)(?t>11)(?2)", false}, {"(?1)(?t<11)(?2)", true}, {"(?1)(?t<3)(?3)", true}, {"(?1)(?t<=2)(?3)", true},
                {"(?1)(?t<2)(?3)", false}, {"(?2)(?t>=7)(?2)", true}, {"(?2)(?t>7)(?2)", false}, {"(?2)(?3)(?1)", true}};
        for (int i = 0; i < matches.length; i++) {
            b.sequence("00222 match #" + (i + 1), "sequence_match", (String) matches[i][0], SEQUENCE_TEST, "ts", fourConditions, matches[i][1], i == 0 ? empty : renamedTime);
        }
        b.sequence("00222 match #22", "sequence_match", "(?1)(?t==2)(?2)", SEQUENCE_TEST, "ts", twoConditions, false, renamedTime);
        b.sequence("00222 match #23", "sequence_match", "(?1)(?t==1)(?2)", SEQUENCE_TEST, "ts", twoConditions, true, renamedTime);
        Object[][] counts = {
                {"", "sequence_count: pattern '' at position 1: expected (?N), '.' or '.*', found the end of the pattern"},
                {".", 12L}, {".*", 12L}, {"(?1)", 8L}, {"(?2)", 3L}, {"(?3)", 1L}, {"(?4)", 0L},
                {"(?1)(?1)", 4L}, {"(?1)(?1)(?1)", 2L}, {"(?1)(?1)(?1)(?1)", 2L}, {"(?1)(?1)(?1)(?1)(?1)", 0L}, {"(?1)(?1)(?1)(?1)(?2)", 2L},
                {"(?1)(?t>10)(?2)", 1L}, {"(?1)(?t>11)(?2)", 0L}, {"(?1)(?t<11)(?2)", 2L}, {"(?1)(?t<3)(?3)", 1L}, {"(?1)(?t<=2)(?3)", 1L},
                {"(?1)(?t<2)(?3)", 0L}, {"(?2)(?t>=7)(?2)", 1L}, {"(?2)(?t>7)(?2)", 0L}, {"(?2)(?3)(?1)", 1L}};
        for (int i = 0; i < counts.length; i++) {
            b.sequence("00222 count #" + (i + 1), "sequence_count", (String) counts[i][0], SEQUENCE_TEST, "ts", fourConditions, counts[i][1],
                    i == 0 ? empty : (i <= 2 ? renamedTime + "; ClickHouse's count() is the 12 rows" : renamedTime));
        }
        b.sequence("00222 count #22", "sequence_count", "(?1)(?t==2)(?2)", SEQUENCE_TEST, "ts", twoConditions, 0L, renamedTime);
        b.sequence("00222 count #23", "sequence_count", "(?1)(?t==1)(?2)", SEQUENCE_TEST, "ts", twoConditions, 1L, renamedTime);

        // 00823_sequence_match_dfa: a million events in one group
        String dfa = "ClickHouse's HAVING sequenceMatch(…) prints the label when true: the label printed (ABC, ABBC, CD) is true, the one missing (ABA) false; "
                + "userID, eventType, EventTime are user_id, event_type, event_time; toDateTime(EventTime) is the BIGINT clock itself";
        String source823 = "00823_sequence_match_dfa.sql/.reference";
        b.add(new Case("00823 ABC", source823, dfa, SEQUENCE_DFA, "sequence_match", 0, List.of(constant("(?1).*(?2).*(?3)"), column("event_time"), steps("event_type", "A", "B", "C")),
                null, Shape.SINGLE, 0, one(true), null));
        b.add(new Case("00823 ABA", source823, dfa, SEQUENCE_DFA, "sequence_match", 0, List.of(constant("(?1).*(?2).*(?3)"), column("event_time"), steps("event_type", "A", "B", "A")),
                null, Shape.SINGLE, 0, one(false), null));
        b.add(new Case("00823 ABBC", source823, dfa, SEQUENCE_DFA, "sequence_match", 0, List.of(constant("(?1).*(?2).*(?3).*(?4)"), column("event_time"), steps("event_type", "A", "B", "B", "C")),
                null, Shape.SINGLE, 0, one(true), null));
        b.add(new Case("00823 CD", source823, dfa, SEQUENCE_DFA, "sequence_match", 0, List.of(constant("(?1)(?t>=10000000000000)(?2)"), column("event_time"), steps("event_type", "C", "D")),
                null, Shape.SINGLE, 0, one(true), null));

        // 02713_sequence_match_serialization_fix
        b.add(new Case("02713", "02713_sequence_match_serialization_fix.sql/.reference",
                "ClickHouse's three queries (state not serialized, serialized, through Distributed) are one here: Trino's three nodes and its harness serialize partial states",
                SEQT, "sequence_match", 0, List.of(constant("(?1)(?2)"), column("ts"), array(compare("number_", "=", 1L), compare("number_", "=", 0L))), null, Shape.SINGLE, 0, one(true), null));
        return List.copyOf(b.cases);
    }

    private static Table strictOrderUser7()
    {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : FUNNEL_TEST_STRICT_ORDER_7.rows().get()) {
            if (row[1].equals(7L)) {
                rows.add(row);
            }
        }
        return new Table("funnel_test_strict_order", FUNNEL_TEST_STRICT_ORDER_7.columns(), FUNNEL_TEST_STRICT_ORDER_7.types(), () -> rows, null);
    }

    private static Table retentionDays(Table table, LocalDate... days)
    {
        List<LocalDate> kept = List.of(days);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : table.rows().get()) {
            if (kept.contains(row[0])) {
                rows.add(row);
            }
        }
        return new Table(table.name(), table.columns(), table.types(), () -> rows, null);
    }
}

package dev.kpisql.udfs.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * An aggregate in one SQL shape — GROUP BY, FILTER (WHERE …), GROUPING SETS, a window — that
 * every engine runs: two hand-worked examples of one overload become groups 1 and 2 of one
 * table, the query answers rows of {@code (g, value)}, and each group must give its example's
 * answer whatever the SQL around the function.
 *
 * @param name e.g. {@code "nps(score BIGINT|DOUBLE) FILTER"}
 * @param sql the query, answering {@code (g, value)} rows for g = 1 and 2
 * @param first the answer of group 1
 * @param second the answer of group 2
 */
public record ShapeQuery(String name, String sql, Object first, Object second)
{
    public ShapeQuery
    {
        requireNonNull(name, "name");
        requireNonNull(sql, "sql");
    }

    /** Parameters of the event functions that must not differ between the groups of one table. */
    private static final Set<String> GROUP_CONSTANT_EVENT_ARGUMENTS = Set.of("window", "mode", "pattern", "gap");

    /** The four shapes of every overload of an aggregate; none for a scalar. */
    public static List<ShapeQuery> of(KpiFunction function)
    {
        List<ShapeQuery> queries = new ArrayList<>();
        if (function.kind() != Kind.AGGREGATE) {
            return queries;
        }
        for (Overload overload : function.overloads()) {
            List<Example> answered = overload.examples().stream().filter(example -> !example.fails() && example.expected() != null).toList();
            Example first = answered.get(0);
            // a group-constant parameter (a scale, a confidence level) cannot differ inside the grand total
            boolean groupConstant = overload.arguments().stream().anyMatch(argument -> argument.name().equals("scale_max") || argument.name().equals("confidence")
                    // an experiment's control, and a variant's planned share, cannot differ inside the grand total either
                    || argument.type() == ArgType.CONTROL || argument.name().equals("expected_share"))
                    // the event functions' parameters, and their arrays' length, are group constants too (S2, S3)
                    || (answered.size() > 1 && !sameEventParameters(overload, first, answered.get(1)));
            Example second = answered.size() > 1 && !groupConstant && sameColumnTypes(first, answered.get(1)) ? answered.get(1) : first;
            String columns = String.join(", ", overload.arguments().stream().map(Argument::sqlName).toList());
            String table = "(VALUES " + first.valuesRows(overload, 1) + ", " + second.valuesRows(overload, 2) + ") AS t(g, " + columns + ")";
            String call = function.name() + "(" + columns + ")";
            String name = overload.signature(function.name());
            queries.add(new ShapeQuery(name + " GROUP BY",
                    "SELECT g, " + call + " FROM " + table + " GROUP BY g", first.expected(), second.expected()));
            queries.add(new ShapeQuery(name + " FILTER",
                    "SELECT 1, " + call + " FILTER (WHERE g = 1) FROM " + table + " UNION ALL SELECT 2, " + call + " FILTER (WHERE g = 2) FROM " + table, first.expected(), second.expected()));
            queries.add(new ShapeQuery(name + " GROUPING SETS",
                    "SELECT g, " + call + " FROM " + table + " GROUP BY GROUPING SETS ((g), ()) HAVING g IS NOT NULL", first.expected(), second.expected()));
            queries.add(new ShapeQuery(name + " OVER (PARTITION BY … ORDER BY …)",
                    "SELECT DISTINCT g, " + call + " OVER (PARTITION BY g ORDER BY g) FROM " + table, first.expected(), second.expected()));
        }
        return queries;
    }

    /**
     * Whether an engine's answer matches an expected one: DOUBLEs to 1e-9 relative (1e-12 near
     * zero), everything else exactly. An expected ROW is a {@code Map} of field to value in field
     * order; the engine's row may be that map, the field values in order as a {@code List} (Trino)
     * or an {@code Object[]}, or a {@code java.sql.Struct} (JDBC), and matches field by field.
     */
    public static boolean matches(Object actual, Object expected)
    {
        if (expected instanceof Map<?, ?> row) {
            return rowMatches(actual, row);
        }
        if (expected instanceof List<?> wanted && actual instanceof List<?> got) {
            // ARRAY(INTEGER): engines return Integer elements, the catalog writes Long ones; a harness
            // also compares two answers of a ROW function, each the List of its fields
            if (wanted.size() != got.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                Object want = wanted.get(i);
                Object element = got.get(i);
                boolean same = want instanceof Number number && element instanceof Number value && !(want instanceof Double) && !(element instanceof Double)
                        ? number.longValue() == value.longValue()
                        : want == null ? element == null : matches(element, want);
                if (!same) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Double number && actual instanceof Number value) {
            return Math.abs(value.doubleValue() - number) <= Math.max(Math.abs(number) * 1e-9, 1e-12);
        }
        return Objects.equals(actual, expected);
    }

    private static boolean rowMatches(Object actual, Map<?, ?> expected)
    {
        List<?> values = rowValues(actual, expected);
        if (values == null || values.size() != expected.size()) {
            return false;
        }
        int i = 0;
        for (Object field : expected.values()) {
            Object value = values.get(i++);
            // a BIGINT field may come back as a Long or as another integral Number
            boolean same = field instanceof Long whole && value instanceof Number number && !(value instanceof Double)
                    ? whole == number.longValue()
                    : (field == null ? value == null : matches(value, field));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two examples agree on the event functions' group constants: every parameter has one
     * value and every array one length over both examples' rows.
     */
    private static boolean sameEventParameters(Overload overload, Example a, Example b)
    {
        for (int i = 0; i < overload.arguments().size(); i++) {
            int column = i;
            Argument argument = overload.arguments().get(i);
            if (argument.type() != ArgType.CONDITIONS && !GROUP_CONSTANT_EVENT_ARGUMENTS.contains(argument.name())) {
                continue;
            }
            Set<Object> values = new HashSet<>();
            Stream.concat(a.rows().stream(), b.rows().stream()).map(row -> row.get(column)).filter(Objects::nonNull)
                    .forEach(value -> values.add(value instanceof List<?> flags ? (Object) flags.size() : value));
            if (values.size() > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The field values of an engine's row in the order of {@code expected}'s fields, or null when
     * {@code actual} is no row or a map with other fields.
     */
    static List<?> rowValues(Object actual, Map<?, ?> expected)
    {
        if (actual instanceof Map<?, ?> map) {
            return map.keySet().equals(expected.keySet()) ? expected.keySet().stream().map(map::get).toList() : null;
        }
        if (actual instanceof List<?> list) {
            return list;
        }
        if (actual instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (actual instanceof java.sql.Struct struct) {
            try {
                return Arrays.asList(struct.getAttributes());
            }
            catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the fields of " + actual, e);
            }
        }
        return null;
    }

    /** Two examples fit one table when each column holds values of one Java type. */
    private static boolean sameColumnTypes(Example a, Example b)
    {
        for (int i = 0; i < a.rows().get(0).size(); i++) {
            int column = i;
            Set<Class<?>> types = new HashSet<>();
            Stream.concat(a.rows().stream(), b.rows().stream()).map(row -> row.get(column)).filter(Objects::nonNull)
                    .forEach(value -> types.add(value instanceof List ? List.class : value.getClass()));
            if (types.size() > 1) {
                return false;
            }
        }
        return true;
    }
}

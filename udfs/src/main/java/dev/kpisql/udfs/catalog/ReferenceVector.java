package dev.kpisql.udfs.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One reference vector: an input of a catalog function and its answer computed independently of
 * kpi-sql's code (by scipy, exact fractions or 50-digit arithmetic), read from the file that
 * {@code udfs/src/test/python/experiments_vectors.py} writes. The core and both engines run
 * every vector: the core through {@link Overload#evaluate}, the engines through {@link #sql}.
 *
 * <p>The file has one vector per line, tab-separated: function, number of arguments, title,
 * relative tolerance, rows, expected. Rows are {@code ;}-separated, values {@code ,}-separated
 * ({@code 'text'}, {@code 12} a BIGINT, {@code 1.5} or {@code 1e-05} a DOUBLE, {@code true},
 * {@code false}, {@code NULL}); {@code 40*} before a row repeats it 40 times. The expected answer
 * is {@code NULL} or {@code field=value} pairs joined by {@code |}.
 *
 * @param rows the distinct rows, each with how many times it occurs
 * @param expected the expected ROW (field to value, a value null for NULL), or null for NULL
 */
public record ReferenceVector(KpiFunction function, Overload overload, String title, double tolerance, List<Repeated> rows, Map<String, Object> expected)
{
    /** A row of argument values (as in {@link Example}) and how many times it occurs. */
    public record Repeated(long count, List<Object> values) {}

    public ReferenceVector
    {
        requireNonNull(function, "function");
        requireNonNull(overload, "overload");
        requireNonNull(title, "title");
        rows = List.copyOf(rows);
    }

    /** Every vector of the file. */
    public static List<ReferenceVector> load(Path file)
    {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<ReferenceVector> vectors = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 6) {
                throw new IllegalArgumentException(file + ": a vector has 6 tab-separated columns: " + line);
            }
            KpiFunction function = Catalog.function(columns[0]).orElseThrow(() -> new IllegalArgumentException(file + ": no function " + columns[0]));
            int arity = Integer.parseInt(columns[1]);
            Overload overload = function.overloads().stream().filter(candidate -> candidate.arguments().size() == arity).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ": " + columns[0] + " has no overload of " + arity + " arguments"));
            List<Repeated> rows = new ArrayList<>();
            for (String row : columns[4].split(";")) {
                long count = 1;
                int star = row.indexOf('*');
                if (star > 0 && row.substring(0, star).chars().allMatch(Character::isDigit)) {
                    count = Long.parseLong(row.substring(0, star));
                    row = row.substring(star + 1);
                }
                List<Object> values = new ArrayList<>();
                for (String text : row.split(",")) {
                    values.add(parseValue(text));
                }
                if (values.size() != arity) {
                    throw new IllegalArgumentException(file + ": a row of " + values.size() + " values for " + arity + " arguments: " + columns[2]);
                }
                rows.add(new Repeated(count, values));
            }
            vectors.add(new ReferenceVector(function, overload, columns[2], Double.parseDouble(columns[3]), rows, parseExpected(columns[5])));
        }
        return vectors;
    }

    /** The vector's name in a test report: the signature and the title. */
    public String name()
    {
        return overload.signature(function.name()) + ": " + title;
    }

    /** Every row as often as it occurs, for the core. */
    public List<List<Object>> expandedRows()
    {
        List<List<Object>> expanded = new ArrayList<>();
        for (Repeated row : rows) {
            for (long i = 0; i < row.count(); i++) {
                expanded.add(row.values());
            }
        }
        return expanded;
    }

    /**
     * The vector as one query that both engines run. Repeated rows are a VALUES list with a
     * count, joined with a small numbers table, so a z-test over 20,000 rows stays one short query:
     * {@code SELECT f(a, b) FROM (VALUES (40, TRUE, 'x'), …) AS t(kpi_count, a, b) JOIN (numbers) AS n(i) ON n.i <= t.kpi_count}.
     */
    public String sql()
    {
        long most = rows.stream().mapToLong(Repeated::count).max().orElse(1);
        List<Argument> arguments = overload.arguments();
        String columns = String.join(", ", arguments.stream().map(Argument::sqlName).toList());
        StringBuilder sql = new StringBuilder("SELECT ").append(function.name()).append('(').append(columns).append(") FROM (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            if (most > 1) {
                sql.append(rows.get(r).count()).append(", ");
            }
            List<Object> values = rows.get(r).values();
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Long whole && doubleColumn(i)) {
                    value = whole.doubleValue();
                }
                sql.append(i == 0 ? "" : ", ").append(Example.literal(value, arguments.get(i).type(), columnSample(i)));
            }
            sql.append(')');
        }
        sql.append(") AS t(").append(most > 1 ? "kpi_count, " : "").append(columns).append(')');
        if (most > 1) {
            int digits = Long.toString(most - 1).length();
            StringBuilder numbers = new StringBuilder("SELECT ");
            for (int d = 0; d < digits; d++) {
                numbers.append(d == 0 ? "" : " + ").append(d == 0 ? "" : "1" + "0".repeat(d) + " * ").append("d").append(d).append(".d");
            }
            numbers.append(" + 1 AS i FROM ");
            for (int d = 0; d < digits; d++) {
                numbers.append(d == 0 ? "" : " CROSS JOIN ").append("(VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS d").append(d).append("(d)");
            }
            sql.append(" JOIN (").append(numbers).append(") AS n(i) ON n.i <= t.kpi_count");
        }
        return sql.toString();
    }

    /**
     * Whether an engine's or the core's answer is the expected one: NULL for NULL, else a row
     * whose every field agrees: a NULL field with NULL, a count exactly, a value of 0 to within
     * the tolerance, any other value to within the tolerance relative to it.
     */
    public boolean matches(Object actual)
    {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        List<?> values = ShapeQuery.rowValues(actual, expected);
        if (values == null || values.size() != expected.size()) {
            return false;
        }
        int i = 0;
        for (Object want : expected.values()) {
            Object got = values.get(i++);
            if (want == null || got == null) {
                if (want != got) {
                    return false;
                }
            }
            else if (want instanceof Long count) {
                if (!(got instanceof Number number) || got instanceof Double || number.longValue() != count) {
                    return false;
                }
            }
            else {
                double e = (Double) want;
                double a = ((Number) got).doubleValue();
                if (!(Math.abs(a - e) <= (e == 0 ? tolerance : tolerance * Math.abs(e)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean doubleColumn(int index)
    {
        return rows.stream().anyMatch(row -> row.values().get(index) instanceof Double);
    }

    private Object columnSample(int index)
    {
        return doubleColumn(index) ? 0.0 : rows.stream().map(row -> row.values().get(index)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static Object parseValue(String text)
    {
        if (text.equals("NULL")) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            return text.substring(1, text.length() - 1);
        }
        if (text.matches("-?\\d+")) {
            return Long.parseLong(text);
        }
        return Double.parseDouble(text);
    }

    private static Map<String, Object> parseExpected(String text)
    {
        if (text.equals("NULL")) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (String pair : text.split("\\|")) {
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 1);
            row.put(pair.substring(0, equals), value.equals("NULL") ? null : value.matches("-?\\d+") ? (Object) Long.parseLong(value) : (Object) Double.parseDouble(value));
        }
        return Collections.unmodifiableMap(row);
    }
}

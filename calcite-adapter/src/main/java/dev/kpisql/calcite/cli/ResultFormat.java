package dev.kpisql.calcite.cli;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the CLI prints a result. {@code table} and {@code markdown} are for people and show a
 * DOUBLE with at most six decimals; {@code csv} and {@code json} are for programs and keep every
 * digit (Java's shortest round-trip form). In csv a NULL is an empty field, in json {@code null},
 * in the others {@code NULL}. A ROW (a struct) shows its fields by name: {@code {rate: 60,
 * lower: 23.072428, upper: 88.237923}} for people, a JSON object in json, and that object's JSON
 * text as the field of a csv line. The names come from the query's row type when the caller has
 * it; without it the fields are {@code f1}, {@code f2}, ….
 */
enum ResultFormat
{
    TABLE, CSV, JSON, MARKDOWN;

    static ResultFormat parse(String name)
    {
        for (ResultFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new UsageException("unknown format '" + name + "': use table, csv, json or markdown");
    }

    /** Prints every row of {@code result}; returns the number of rows. */
    int print(ResultSet result, PrintStream out)
            throws SQLException
    {
        return print(result, out, null);
    }

    /**
     * Prints every row of {@code result}, naming the fields of ROW columns after {@code rowType},
     * the query's validated row type (null when unknown); returns the number of rows.
     */
    int print(ResultSet result, PrintStream out, RelDataType rowType)
            throws SQLException
    {
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
            names.add(meta.getColumnLabel(c));
            numeric.add(isNumeric(meta.getColumnType(c)));
        }
        List<List<Value>> rows = new ArrayList<>();
        boolean human = this == TABLE || this == MARKDOWN;
        if (this == CSV) {
            out.println(csvLine(names));
        }
        int count = 0;
        while (result.next()) {
            List<Value> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                row.add(value(result, c, meta.getColumnType(c), human, columnType(rowType, columns, c)));
            }
            if (human) {
                rows.add(row);
            }
            else {
                // csv and json stream: a program may read a large result as it comes
                printStreamed(out, names, row, count == 0);
            }
            count++;
        }
        switch (this) {
            case JSON -> out.println(count == 0 ? "[]" : "]");
            case TABLE -> printTable(out, names, numeric, rows);
            case MARKDOWN -> printMarkdown(out, names, numeric, rows);
            case CSV -> { }
        }
        return count;
    }

    /** A value as text, or null for NULL; {@code bare} when JSON writes it unquoted (a number or boolean). */
    private record Value(String text, boolean bare) {}

    /** The type of column {@code c} (1-based) in the row type, when it describes this result. */
    private static RelDataType columnType(RelDataType rowType, int columns, int c)
    {
        return rowType != null && rowType.isStruct() && rowType.getFieldCount() == columns ? rowType.getFieldList().get(c - 1).getType() : null;
    }

    private static Value value(ResultSet result, int column, int type, boolean human, RelDataType columnType)
            throws SQLException
    {
        switch (type) {
            case Types.STRUCT -> {
                Object value = result.getObject(column);
                return value == null ? new Value(null, false) : new Value(struct(value, columnType, human), !human);
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double value = result.getDouble(column);
                if (result.wasNull()) {
                    return new Value(null, false);
                }
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    return new Value(Double.toString(value), false);
                }
                return new Value(human ? rounded(value) : Double.toString(value), true);
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long value = result.getLong(column);
                return result.wasNull() ? new Value(null, false) : new Value(Long.toString(value), true);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal value = result.getBigDecimal(column);
                return new Value(value == null ? null : value.toPlainString(), true);
            }
            case Types.BOOLEAN -> {
                boolean value = result.getBoolean(column);
                return result.wasNull() ? new Value(null, false) : new Value(Boolean.toString(value), true);
            }
            case Types.ARRAY -> {
                java.sql.Array array = result.getArray(column);
                // a JSON array in json, [1, 0, 1] elsewhere
                return array == null ? new Value(null, false) : new Value(arrayText(array.getArray(), !human), true);
            }
            default -> {
                return new Value(result.getString(column), false);
            }
        }
    }

    /** The elements of an array (Object[] or a primitive array, as the driver gives it), in brackets. */
    private static String arrayText(Object array, boolean compact)
    {
        StringBuilder text = new StringBuilder("[");
        int length = java.lang.reflect.Array.getLength(array);
        for (int i = 0; i < length; i++) {
            Object element = java.lang.reflect.Array.get(array, i);
            text.append(i == 0 ? "" : compact ? "," : ", ");
            if (element == null) {
                text.append(compact ? "null" : "NULL");
            }
            else if (element instanceof Number || element instanceof Boolean) {
                text.append(element);
            }
            else {
                text.append(compact ? jsonString(element.toString()) : element.toString());
            }
        }
        return text.append(']').toString();
    }

    /** A struct's fields by name: {@code {rate: 60, lower: 23.072428}} for people, a JSON object otherwise. */
    private static String struct(Object value, RelDataType type, boolean human)
            throws SQLException
    {
        Object[] fields = value instanceof java.sql.Struct struct ? struct.getAttributes() : value instanceof Object[] array ? array : new Object[] {value};
        List<RelDataTypeField> described = type != null && type.isStruct() && type.getFieldCount() == fields.length ? type.getFieldList() : null;
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < fields.length; i++) {
            String name = described != null ? described.get(i).getName() : "f" + (i + 1);
            text.append(i == 0 ? "" : human ? ", " : ",").append(human ? name : jsonString(name)).append(human ? ": " : ":");
            Object field = fields[i];
            RelDataType fieldType = described != null ? described.get(i).getType() : null;
            if (field == null) {
                text.append(human ? "NULL" : "null");
            }
            else if (field instanceof java.sql.Struct || field instanceof Object[]) {
                text.append(struct(field, fieldType, human));
            }
            else if (field instanceof Double || field instanceof Float) {
                double number = ((Number) field).doubleValue();
                boolean finite = Double.isFinite(number);
                text.append(!finite ? (human ? Double.toString(number) : jsonString(Double.toString(number))) : human ? rounded(number) : Double.toString(number));
            }
            else if (field instanceof Number || field instanceof Boolean) {
                text.append(field);
            }
            else {
                text.append(human ? "'" + field.toString().replace("'", "''") + "'" : jsonString(field.toString()));
            }
        }
        return text.append('}').toString();
    }

    private static String rounded(double value)
    {
        BigDecimal decimal = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private static boolean isNumeric(int type)
    {
        return switch (type) {
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC -> true;
            default -> false;
        };
    }

    private void printStreamed(PrintStream out, List<String> names, List<Value> row, boolean first)
    {
        if (this == CSV) {
            List<String> fields = new ArrayList<>();
            row.forEach(value -> fields.add(value.text() == null ? "" : value.text()));
            out.println(csvLine(fields));
            return;
        }
        StringBuilder json = new StringBuilder(first ? "[" : ",").append('{');
        for (int c = 0; c < names.size(); c++) {
            Value value = row.get(c);
            json.append(c == 0 ? "" : ",").append(jsonString(names.get(c))).append(':');
            json.append(value.text() == null ? "null" : value.bare() ? value.text() : jsonString(value.text()));
        }
        out.println(json.append('}'));
    }

    private static String csvLine(List<String> fields)
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (i > 0) {
                line.append(',');
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            }
            else {
                line.append(field);
            }
        }
        return line.toString();
    }

    private static String jsonString(String text)
    {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static void printTable(PrintStream out, List<String> names, List<Boolean> numeric, List<List<Value>> rows)
    {
        int[] widths = widths(names, rows);
        StringBuilder rule = new StringBuilder("+");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('+');
        }
        out.println(rule);
        out.println(line(names, widths, null, "|"));
        out.println(rule);
        for (List<Value> row : rows) {
            out.println(line(texts(row), widths, numeric, "|"));
        }
        out.println(rule);
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static void printMarkdown(PrintStream out, List<String> names, List<Boolean> numeric, List<List<Value>> rows)
    {
        int[] widths = widths(names, rows);
        out.println(line(names, widths, null, "|"));
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            rule.append(' ').append("-".repeat(Math.max(widths[c] - 1, 2))).append(numeric.get(c) ? ':' : '-').append(" |");
        }
        out.println(rule);
        for (List<Value> row : rows) {
            out.println(line(texts(row), widths, numeric, "|"));
        }
    }

    private static List<String> texts(List<Value> row)
    {
        List<String> texts = new ArrayList<>();
        row.forEach(value -> texts.add(value.text() == null ? "NULL" : value.text().replace("|", "\\|").replace('\n', ' ')));
        return texts;
    }

    private static int[] widths(List<String> names, List<List<Value>> rows)
    {
        int[] widths = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            widths[c] = Math.max(names.get(c).length(), 3);
        }
        for (List<Value> row : rows) {
            List<String> texts = texts(row);
            for (int c = 0; c < texts.size(); c++) {
                widths[c] = Math.max(widths[c], texts.get(c).length());
            }
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths, List<Boolean> rightAligned, String separator)
    {
        StringBuilder line = new StringBuilder(separator);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            boolean right = rightAligned != null && rightAligned.get(c);
            line.append(' ').append(right ? pad + cell : cell + pad).append(' ').append(separator);
        }
        return line.toString();
    }
}

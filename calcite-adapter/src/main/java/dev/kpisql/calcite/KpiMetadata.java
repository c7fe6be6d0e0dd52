package dev.kpisql.calcite;

import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the embedded engine's JDBC connections tell about the engine, where Calcite's own answers
 * would mislead a client:
 * <ul>
 * <li>{@code SHOW FUNCTIONS [LIKE 'pattern' [ESCAPE 'c']]}, which is not Calcite SQL, answers
 * Trino's six columns from {@link KpiFunctionListing}, for statements and prepared statements
 * alike, so the CLI, the shell and every JDBC client get it;
 * <li>{@code DatabaseMetaData.getFunctions} and {@code getFunctionColumns} list the catalog's
 * functions (Calcite lists its internal operators and none of the schema's functions), and the
 * product and driver are kpi-sql's, with Calcite's version in the product version;
 * <li>a column without a name is labelled as in Trino, {@code _col0}, {@code _col1} … by its
 * position, where Calcite says {@code EXPR$0}; a result set finds it by either label.
 * </ul>
 * Connections of {@link KpiEngine} are proxies of this class inside those of {@link KpiErrors}.
 */
final class KpiMetadata
{
    /** SQLSTATE 42000: syntax error or access rule violation. */
    static final String SYNTAX_ERROR = "42000";
    static final String PRODUCT_NAME = "kpi-sql";
    static final String VERSION = version();

    private static final Pattern SHOW_FUNCTIONS = Pattern.compile("(?is)SHOW\\s+FUNCTIONS\\b(.*)");
    private static final Pattern LIKE = Pattern.compile("(?is)\\s*(?:LIKE\\s+'((?:[^']|'')*)'(?:\\s+ESCAPE\\s+'((?:[^']|'')*)')?)?\\s*;?\\s*");
    private static final Pattern CALCITE_LABEL = Pattern.compile("EXPR\\$(\\d+)");
    private static final Pattern TRINO_LABEL = Pattern.compile("_col(\\d+)");

    private KpiMetadata() {}

    static Connection describing(Connection connection)
    {
        return proxy(Connection.class, (proxy, method, arguments) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") && arguments != null && arguments[0] instanceof String sql) {
                Optional<ShowFunctions> show = ShowFunctions.parse(sql);
                if (show.isPresent()) {
                    // a statement without parameters, for the methods that are not SHOW FUNCTIONS' own
                    return statement(PreparedStatement.class, connection.prepareStatement("VALUES 1"), show.get());
                }
                return statement(PreparedStatement.class, (PreparedStatement) invoke(connection, method, arguments), null);
            }
            Object result = invoke(connection, method, arguments);
            if (name.equals("createStatement")) {
                return statement(Statement.class, (Statement) result, null);
            }
            if (name.equals("getMetaData")) {
                return databaseMetaData((DatabaseMetaData) result, (Connection) proxy);
            }
            return result;
        });
    }

    /**
     * A statement that answers {@code SHOW FUNCTIONS} itself and passes everything else on;
     * {@code prepared}, when not null, is the {@code SHOW FUNCTIONS} a prepared statement was
     * prepared with.
     */
    private static <T extends Statement> T statement(Class<T> type, Statement target, ShowFunctions prepared)
    {
        return proxy(type, new InvocationHandler()
        {
            /** True from a SHOW FUNCTIONS until the next statement: the statement's result is {@link #answer}. */
            private boolean showing;
            private ResultSet answer;

            @Override
            public Object invoke(Object proxy, Method method, Object[] arguments)
                    throws Throwable
            {
                String name = method.getName();
                boolean executes = name.startsWith("execute");
                Optional<ShowFunctions> show = Optional.empty();
                if (executes) {
                    show = arguments != null && arguments.length > 0 && arguments[0] instanceof String sql ? ShowFunctions.parse(sql) : Optional.ofNullable(prepared);
                    showing = false;
                    answer = null;
                }
                if (show.isPresent()) {
                    if (name.equals("executeUpdate") || name.equals("executeLargeUpdate") || name.equals("executeBatch")) {
                        throw new SQLException("SHOW FUNCTIONS returns rows: run it with executeQuery or execute", SYNTAX_ERROR);
                    }
                    showing = true;
                    answer = show.get().answer();
                    return name.equals("executeQuery") ? answer : Boolean.TRUE;
                }
                if (showing) {
                    switch (name) {
                        case "getResultSet" -> {
                            return answer;
                        }
                        case "getUpdateCount" -> {
                            return -1;
                        }
                        case "getLargeUpdateCount" -> {
                            return -1L;
                        }
                        case "getMoreResults" -> {
                            answer = null;
                            return false;
                        }
                        default -> { }
                    }
                }
                if (prepared != null && name.equals("getMetaData")) {
                    return ShowFunctions.emptyAnswer().getMetaData();
                }
                Object result = KpiMetadata.invoke(target, method, arguments);
                if (result instanceof ResultSet resultSet) {
                    return labelled(resultSet);
                }
                if (result instanceof ResultSetMetaData metadata) {
                    return labelled(metadata);
                }
                return result;
            }
        });
    }

    /** A result set whose columns without a name are labelled {@code _col0} …, found by either label. */
    private static ResultSet labelled(ResultSet target)
    {
        return proxy(ResultSet.class, (proxy, method, arguments) -> {
            if (arguments != null && arguments.length > 0 && arguments[0] instanceof String label
                    && (method.getName().startsWith("get") || method.getName().startsWith("update") || method.getName().equals("findColumn"))) {
                Matcher trino = TRINO_LABEL.matcher(label);
                if (trino.matches()) {
                    arguments[0] = calciteLabel(target, label, trino.group(1));
                }
            }
            Object result = invoke(target, method, arguments);
            return result instanceof ResultSetMetaData metadata ? labelled(metadata) : result;
        });
    }

    /** Calcite's {@code EXPR$n} for {@code _coln}, when the result has that column and no column of the Trino-style name. */
    private static String calciteLabel(ResultSet target, String label, String position)
            throws SQLException
    {
        ResultSetMetaData metadata = target.getMetaData();
        String calcite = "EXPR$" + position;
        boolean hasCalcite = false;
        for (int c = 1; c <= metadata.getColumnCount(); c++) {
            if (metadata.getColumnLabel(c).equalsIgnoreCase(label)) {
                return label;
            }
            hasCalcite |= metadata.getColumnLabel(c).equals(calcite);
        }
        return hasCalcite ? calcite : label;
    }

    private static ResultSetMetaData labelled(ResultSetMetaData target)
    {
        return proxy(ResultSetMetaData.class, (proxy, method, arguments) -> {
            Object result = invoke(target, method, arguments);
            if ((method.getName().equals("getColumnLabel") || method.getName().equals("getColumnName")) && result instanceof String label) {
                Matcher calcite = CALCITE_LABEL.matcher(label);
                if (calcite.matches()) {
                    return "_col" + calcite.group(1);
                }
            }
            return result;
        });
    }

    private static DatabaseMetaData databaseMetaData(DatabaseMetaData target, Connection connection)
    {
        return proxy(DatabaseMetaData.class, (proxy, method, arguments) -> switch (method.getName()) {
            case "getDatabaseProductName" -> PRODUCT_NAME;
            case "getDatabaseProductVersion" -> VERSION + " (Apache Calcite " + target.getDatabaseProductVersion() + ")";
            case "getDriverName" -> KpiDriver.NAME;
            case "getDriverVersion" -> VERSION;
            case "getDriverMajorVersion" -> KpiDriver.majorVersion();
            case "getDriverMinorVersion" -> KpiDriver.minorVersion();
            case "getConnection" -> connection;
            case "getFunctions" -> functions((String) arguments[0], (String) arguments[1], (String) arguments[2], target.getSearchStringEscape());
            case "getFunctionColumns" -> functionColumns((String) arguments[0], (String) arguments[1], (String) arguments[2], (String) arguments[3], target.getSearchStringEscape());
            default -> invoke(target, method, arguments);
        });
    }

    /**
     * JDBC's {@code getFunctions}: every signature, in the order JDBC asks for (catalog, schema,
     * name, specific name). The functions belong to no catalog or schema, as they are callable
     * unqualified from every schema: a catalog or schema pattern other than none, {@code ""} or
     * {@code %} matches none of them.
     */
    private static ResultSet functions(String catalog, String schemaPattern, String namePattern, String escape)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        for (KpiFunctionListing.Entry entry : entries(catalog, schemaPattern, namePattern, escape)) {
            rows.add(Arrays.asList(null, null, entry.function(), entry.description(), (short) DatabaseMetaData.functionNoTable, entry.specificName()));
        }
        return rows(List.of(
                new Column("FUNCTION_CAT", Types.VARCHAR),
                new Column("FUNCTION_SCHEM", Types.VARCHAR),
                new Column("FUNCTION_NAME", Types.VARCHAR),
                new Column("REMARKS", Types.VARCHAR),
                new Column("FUNCTION_TYPE", Types.SMALLINT),
                new Column("SPECIFIC_NAME", Types.VARCHAR)), rows);
    }

    /**
     * JDBC's {@code getFunctionColumns}: per signature its result (position 0, named {@code ""})
     * and its arguments (positions 1 …, with the catalog's names and descriptions).
     */
    private static ResultSet functionColumns(String catalog, String schemaPattern, String namePattern, String columnPattern, String escape)
            throws SQLException
    {
        org.apache.calcite.runtime.SqlFunctions.LikeFunction like = new org.apache.calcite.runtime.SqlFunctions.LikeFunction();
        List<List<Object>> rows = new ArrayList<>();
        for (KpiFunctionListing.Entry entry : entries(catalog, schemaPattern, namePattern, escape)) {
            List<List<Object>> columns = new ArrayList<>();
            columns.add(functionColumn(entry, "", (short) DatabaseMetaData.functionReturn, entry.calciteReturnType(), entry.returnType(),
                    "the result: " + entry.description(), 0));
            for (int i = 0; i < entry.arguments().size(); i++) {
                columns.add(functionColumn(entry, entry.arguments().get(i).name(), (short) DatabaseMetaData.functionColumnIn,
                        entry.calciteArgumentTypes().get(i), entry.argumentTypes().get(i), entry.arguments().get(i).description(), i + 1));
            }
            for (List<Object> column : columns) {
                if (columnPattern == null || like.ilike((String) column.get(3), columnPattern, escape)) {
                    rows.add(column);
                }
            }
        }
        return rows(List.of(
                new Column("FUNCTION_CAT", Types.VARCHAR),
                new Column("FUNCTION_SCHEM", Types.VARCHAR),
                new Column("FUNCTION_NAME", Types.VARCHAR),
                new Column("COLUMN_NAME", Types.VARCHAR),
                new Column("COLUMN_TYPE", Types.SMALLINT),
                new Column("DATA_TYPE", Types.INTEGER),
                new Column("TYPE_NAME", Types.VARCHAR),
                new Column("PRECISION", Types.INTEGER),
                new Column("LENGTH", Types.INTEGER),
                new Column("SCALE", Types.SMALLINT),
                new Column("RADIX", Types.SMALLINT),
                new Column("NULLABLE", Types.SMALLINT),
                new Column("REMARKS", Types.VARCHAR),
                new Column("CHAR_OCTET_LENGTH", Types.INTEGER),
                new Column("ORDINAL_POSITION", Types.INTEGER),
                new Column("IS_NULLABLE", Types.VARCHAR),
                new Column("SPECIFIC_NAME", Types.VARCHAR)), rows);
    }

    private static List<Object> functionColumn(KpiFunctionListing.Entry entry, String name, short kind,
            org.apache.calcite.rel.type.RelDataType type, String typeName, String remarks, int position)
    {
        boolean numeric = type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC;
        Integer precision = type.getSqlTypeName().allowsPrec() && type.getPrecision() != org.apache.calcite.rel.type.RelDataType.PRECISION_NOT_SPECIFIED
                ? type.getPrecision() : null;
        Short scale = type.getSqlTypeName().allowsScale() ? (short) type.getScale() : null;
        // every KPI takes and may return NULL (a NULL argument is a skipped row, or a NULL result)
        return Arrays.asList(null, null, entry.function(), name, kind, type.getSqlTypeName().getJdbcOrdinal(), typeName,
                precision, null, scale, numeric ? (short) 10 : null, (short) DatabaseMetaData.functionNullable, remarks, null, position, "YES",
                entry.specificName());
    }

    private static List<KpiFunctionListing.Entry> entries(String catalog, String schemaPattern, String namePattern, String escape)
    {
        if ((catalog != null && !catalog.isEmpty()) || (schemaPattern != null && !schemaPattern.isEmpty() && !schemaPattern.equals("%"))) {
            return List.of();
        }
        return namePattern == null ? KpiFunctionListing.entries() : KpiFunctionListing.matching(namePattern, escape);
    }

    /** A statement's {@code SHOW FUNCTIONS}: its optional {@code LIKE} pattern and escape. */
    record ShowFunctions(String pattern, String escape)
    {
        /** The statement as a {@code SHOW FUNCTIONS}, or empty when it is another statement. */
        static Optional<ShowFunctions> parse(String sql)
                throws SQLException
        {
            String text = withoutComments(sql).strip();
            Matcher show = SHOW_FUNCTIONS.matcher(text);
            if (!show.matches()) {
                return Optional.empty();
            }
            Matcher like = LIKE.matcher(show.group(1));
            if (!like.matches()) {
                throw new SQLException("SHOW FUNCTIONS takes an optional LIKE 'pattern' [ESCAPE 'c'], e.g. SHOW FUNCTIONS LIKE 'nps%'"
                        + "; the KPI functions belong to no schema, so there is no FROM", SYNTAX_ERROR);
            }
            String pattern = like.group(1) == null ? null : like.group(1).replace("''", "'");
            String escape = like.group(2) == null ? null : like.group(2).replace("''", "'");
            if (escape != null && escape.length() != 1) {
                throw new SQLException("Escape string must be a single character", SYNTAX_ERROR);
            }
            return Optional.of(new ShowFunctions(pattern, escape));
        }

        /** Trino's columns: Function, Return Type, Argument Types, Function Type, Deterministic, Description. */
        ResultSet answer()
                throws SQLException
        {
            List<List<Object>> rows = new ArrayList<>();
            List<KpiFunctionListing.Entry> entries = pattern == null ? KpiFunctionListing.entries() : KpiFunctionListing.matching(pattern, escape);
            for (KpiFunctionListing.Entry entry : entries) {
                rows.add(List.of(entry.function(), entry.returnType(), entry.argumentTypeList(), entry.functionType(), entry.deterministic(), entry.description()));
            }
            return rows(COLUMNS, rows);
        }

        static ResultSet emptyAnswer()
                throws SQLException
        {
            return rows(COLUMNS, List.of());
        }

        private static final List<Column> COLUMNS = List.of(
                new Column("Function", Types.VARCHAR),
                new Column("Return Type", Types.VARCHAR),
                new Column("Argument Types", Types.VARCHAR),
                new Column("Function Type", Types.VARCHAR),
                new Column("Deterministic", Types.BOOLEAN),
                new Column("Description", Types.VARCHAR));

        /** The text with its comments removed, strings and quoted names left whole. */
        private static String withoutComments(String sql)
        {
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == '-' && sql.startsWith("--", i)) {
                    int end = sql.indexOf('\n', i);
                    i = end < 0 ? sql.length() : end;
                    text.append(' ');
                }
                else if (c == '/' && sql.startsWith("/*", i)) {
                    int end = sql.indexOf("*/", i + 2);
                    i = end < 0 ? sql.length() : end + 2;
                    text.append(' ');
                }
                else if (c == '\'' || c == '"') {
                    int end = i + 1;
                    while (end < sql.length()) {
                        if (sql.charAt(end) == c) {
                            if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                                end += 2;
                                continue;
                            }
                            break;
                        }
                        end++;
                    }
                    end = Math.min(end + 1, sql.length());
                    text.append(sql, i, end);
                    i = end;
                }
                else {
                    text.append(c);
                    i++;
                }
            }
            return text.toString();
        }
    }

    private record Column(String name, int type) {}

    /** Rows as a result set of the JDK's in-memory {@link CachedRowSet}. */
    private static ResultSet rows(List<Column> columns, List<List<Object>> rows)
            throws SQLException
    {
        RowSetMetaDataImpl metadata = new RowSetMetaDataImpl();
        metadata.setColumnCount(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            metadata.setColumnName(c + 1, column.name());
            metadata.setColumnLabel(c + 1, column.name());
            metadata.setColumnType(c + 1, column.type());
            metadata.setColumnTypeName(c + 1, switch (column.type()) {
                case Types.BOOLEAN -> "BOOLEAN";
                case Types.SMALLINT -> "SMALLINT";
                case Types.INTEGER -> "INTEGER";
                default -> "VARCHAR";
            });
            metadata.setNullable(c + 1, ResultSetMetaData.columnNullable);
            metadata.setColumnDisplaySize(c + 1, column.type() == Types.VARCHAR ? 64 : 8);
        }
        CachedRowSet result = RowSetProvider.newFactory().createCachedRowSet();
        result.setMetaData(metadata);
        for (List<Object> row : rows) {
            // an inserted row goes after the current one
            result.last();
            result.moveToInsertRow();
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) == null) {
                    result.updateNull(c + 1);
                }
                else {
                    result.updateObject(c + 1, row.get(c));
                }
            }
            result.insertRow();
            result.moveToCurrentRow();
        }
        result.beforeFirst();
        return complete(result);
    }

    /**
     * The row set with the result-set behaviour the JDK's implementation lacks and clients rely on:
     * sqlline asks {@code isClosed} after every row, and calls {@code next} again after the last.
     */
    private static ResultSet complete(CachedRowSet target)
    {
        boolean[] closed = {false};
        boolean[] past = {false};
        return proxy(ResultSet.class, (proxy, method, arguments) -> switch (method.getName()) {
            case "next" -> {
                if (closed[0] || past[0]) {
                    yield false;
                }
                boolean row = target.next();
                past[0] = !row;
                yield row;
            }
            case "isClosed" -> closed[0];
            case "close" -> {
                closed[0] = true;
                target.close();
                yield null;
            }
            case "getHoldability" -> ResultSet.CLOSE_CURSORS_AT_COMMIT;
            case "getObject" -> {
                if (arguments.length == 2 && arguments[1] instanceof Class<?> type) {
                    int column = arguments[0] instanceof String label ? target.findColumn(label) : (Integer) arguments[0];
                    Object value = target.getObject(column);
                    yield value == null ? null : type.cast(value);
                }
                yield invoke(target, method, arguments);
            }
            case "isWrapperFor" -> ((Class<?>) arguments[0]).isInstance(target);
            case "unwrap" -> ((Class<?>) arguments[0]).cast(target);
            default -> invoke(target, method, arguments);
        });
    }

    private static String version()
    {
        Properties properties = new Properties();
        try (InputStream in = KpiMetadata.class.getResourceAsStream("kpi-sql.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    private static Object invoke(Object target, Method method, Object[] arguments)
            throws Throwable
    {
        try {
            return method.invoke(target, arguments);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler)
    {
        return (T) Proxy.newProxyInstance(KpiMetadata.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}

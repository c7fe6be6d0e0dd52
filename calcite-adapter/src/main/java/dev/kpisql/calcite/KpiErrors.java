package dev.kpisql.calcite;

import dev.kpisql.calcite.csv.CsvException;
import dev.kpisql.udfs.KpiException;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.util.TryThreadLocal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes every error of the embedded engine a {@link SQLException} whose message is the one a
 * user needs: the core's ({@code nps: score must be between 0 and 10: 11}) or the CSV reader's
 * ({@code orders.csv: line 7, column 'amount': 'abc' is not a BIGINT}).
 *
 * <p>Calcite evaluates a KPI scalar over constants while planning and lets the core's exception
 * escape the JDBC call unwrapped; during execution it wraps it into a message that starts with
 * the whole statement. The connections of {@link KpiEngine} are therefore proxies that translate
 * both at the JDBC boundary, for statements, prepared statements and result sets alike. The same
 * proxies validate every statement with {@link KpiTypeCoercion}'s implicit casts.
 */
public final class KpiErrors
{
    /** SQLSTATE 22023: invalid parameter value. */
    public static final String INVALID_ARGUMENT = "22023";
    /** SQLSTATE 22003: numeric value out of range. */
    public static final String OUT_OF_RANGE = "22003";
    /** SQLSTATE 22000: data exception, here a CSV value that does not fit its column. */
    public static final String BAD_DATA = "22000";
    /** SQLSTATE 53200: out of memory. */
    public static final String OUT_OF_MEMORY = "53200";

    private KpiErrors() {}

    /** The message a user should read for {@code error}: the first KPI or CSV error in its causes, else its own. */
    public static String userMessage(Throwable error)
    {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KpiException || cause instanceof CsvException) {
                return cause.getMessage();
            }
            if (cause instanceof OutOfMemoryError) {
                return outOfMemory();
            }
        }
        // Calcite's JDBC layer repeats the whole statement before the message of its cause
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.startsWith("Error while executing SQL") && !message.startsWith("Error while preparing statement")) {
                int expecting = message.indexOf("\nWas expecting");
                return (expecting < 0 ? message : message.substring(0, expecting)).strip();
            }
        }
        return error.getMessage() != null ? error.getMessage() : error.toString();
    }

    public static SQLException toSqlException(Throwable error)
    {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return new SQLException(outOfMemory(), OUT_OF_MEMORY, error);
            }
            if (cause instanceof KpiException kpi) {
                return new SQLException(kpi.getMessage(), kpi.kind() == KpiException.Kind.OVERFLOW ? OUT_OF_RANGE : INVALID_ARGUMENT, error);
            }
            if (cause instanceof CsvException csv) {
                return new SQLException(csv.getMessage(), BAD_DATA, error);
            }
        }
        if (error instanceof SQLException sql) {
            return sql;
        }
        return new SQLException(userMessage(error), error);
    }

    /** What a user reads when a query needs more heap than the JVM has. */
    static String outOfMemory()
    {
        long megabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "out of memory: the query needs more than the " + megabytes + " MB of heap this engine may use"
                + " (too many groups, or too many distinct ids in a group); give it more with KPI_HEAP=8g ./kpi … or java -Xmx8g,"
                + " or use approx_dau_mau, whose state per group is bounded";
    }

    static Connection translating(Connection connection)
    {
        return wrap(Connection.class, connection);
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target)
    {
        return (T) Proxy.newProxyInstance(KpiErrors.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(target, arguments);
            }
            Object result;
            try (TryThreadLocal.Memo coercion = SqlTypeCoercionRule.THREAD_PROVIDERS.push(KpiTypeCoercion.RULE)) {
                result = method.invoke(target, arguments);
            }
            catch (InvocationTargetException e) {
                Throwable error = e.getCause();
                if (error instanceof SQLException || error instanceof RuntimeException) {
                    throw toSqlException(error);
                }
                if (error instanceof OutOfMemoryError) {
                    // the query's state was only reachable from the frames this error unwound, so the
                    // heap is free again and the connection answers the next statement
                    throw new SQLException(outOfMemory(), OUT_OF_MEMORY, error);
                }
                throw error;
            }
            return wrapResult(method.getReturnType(), result);
        });
    }

    private static Object wrapResult(Class<?> type, Object result)
    {
        if (result == null) {
            return null;
        }
        if (type == java.sql.PreparedStatement.class) {
            return wrap(java.sql.PreparedStatement.class, (java.sql.PreparedStatement) result);
        }
        if (type == Statement.class) {
            return wrap(Statement.class, (Statement) result);
        }
        if (type == ResultSet.class) {
            return wrap(ResultSet.class, (ResultSet) result);
        }
        if (type == DatabaseMetaData.class) {
            return wrap(DatabaseMetaData.class, (DatabaseMetaData) result);
        }
        return result;
    }
}

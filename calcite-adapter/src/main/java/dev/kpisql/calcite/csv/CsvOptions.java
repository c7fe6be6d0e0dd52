package dev.kpisql.calcite.csv;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * How the embedded engine reads and aggregates CSV tables. Each setting comes from a connection
 * property, else a Java system property of the same name, else an environment variable, else its
 * default:
 *
 * <table>
 * <caption>settings</caption>
 * <tr><th>property</th><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code kpi.threads}</td><td>{@code KPI_THREADS}</td><td>the number of cores</td>
 *     <td>threads that parse a file and aggregate it</td></tr>
 * <tr><td>{@code kpi.pushdown}</td><td>{@code KPI_PUSHDOWN}</td><td>{@code true}</td>
 *     <td>whether the planner pushes aggregations into the scan, where they run on every thread;
 *     {@code false} leaves them to Calcite's own operators, on one thread, as before</td></tr>
 * <tr><td>{@code kpi.cache}</td><td>{@code KPI_CACHE}</td><td>{@code true}</td>
 *     <td>whether parsed columns are kept for the next query of the connection</td></tr>
 * <tr><td>{@code kpi.splitBytes}</td><td>{@code KPI_SPLIT_BYTES}</td><td>chosen per file</td>
 *     <td>the size of the byte ranges a file is split into, for tuning and tests</td></tr>
 * </table>
 *
 * Booleans are {@code true}/{@code false} or {@code on}/{@code off}; a value that is neither, or
 * a thread count that is not a positive integer, is an error naming the setting.
 *
 * @param splitBytes the size of a file's byte ranges, or 0 to choose it from the file's size and the threads
 */
public record CsvOptions(int threads, boolean pushdown, boolean cache, long splitBytes)
{
    public static final String THREADS = "kpi.threads";
    public static final String PUSHDOWN = "kpi.pushdown";
    public static final String CACHE = "kpi.cache";
    public static final String SPLIT_BYTES = "kpi.splitBytes";

    public CsvOptions
    {
        if (threads < 1) {
            throw new IllegalArgumentException(THREADS + " must be at least 1: " + threads);
        }
        if (splitBytes < 0) {
            throw new IllegalArgumentException(SPLIT_BYTES + " must not be negative: " + splitBytes);
        }
    }

    /** The settings of the system properties and environment variables, else the defaults. */
    public static CsvOptions defaults()
    {
        return from(name -> null);
    }

    /** The settings of a connection's properties, else {@link #defaults()}. */
    public static CsvOptions from(Properties properties)
    {
        return from(properties::getProperty);
    }

    /** The settings of a model file's operand, else {@link #defaults()}. */
    public static CsvOptions from(Map<String, Object> operand)
    {
        return from(name -> operand.get(name) == null ? null : operand.get(name).toString());
    }

    private static CsvOptions from(Function<String, String> connection)
    {
        return new CsvOptions(
                (int) positive(THREADS, setting(connection, THREADS, "KPI_THREADS"), Runtime.getRuntime().availableProcessors()),
                bool(PUSHDOWN, setting(connection, PUSHDOWN, "KPI_PUSHDOWN"), true),
                bool(CACHE, setting(connection, CACHE, "KPI_CACHE"), true),
                positive(SPLIT_BYTES, setting(connection, SPLIT_BYTES, "KPI_SPLIT_BYTES"), 0));
    }

    /** Whether {@code name} is one of these settings, which a connection does not pass on to Calcite. */
    public static boolean isSetting(String name)
    {
        return name.equals(THREADS) || name.equals(PUSHDOWN) || name.equals(CACHE) || name.equals(SPLIT_BYTES);
    }

    public CsvOptions withThreads(int threads)
    {
        return new CsvOptions(threads, pushdown, cache, splitBytes);
    }

    private static String setting(Function<String, String> connection, String name, String variable)
    {
        String value = connection.apply(name);
        if (value == null) {
            value = System.getProperty(name);
        }
        if (value == null) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long positive(String name, String value, long otherwise)
    {
        if (value == null) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 1 && (!name.equals(THREADS) || number <= 4096)) {
                return number;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive integer" + (name.equals(THREADS) ? " up to 4096" : "") + ": '" + value + "'");
    }

    private static boolean bool(String name, String value, boolean otherwise)
    {
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (on or off): '" + value + "'");
        };
    }
}

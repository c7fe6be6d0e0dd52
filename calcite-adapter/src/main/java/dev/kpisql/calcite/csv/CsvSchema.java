package dev.kpisql.calcite.csv;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory of CSV files as a schema: each {@code NAME.csv} or {@code NAME.csv.gz} directly in
 * it is the table {@code NAME}. The directory is listed once, on first use; a table's header and
 * types are read when a query first names it, so a broken file fails only the queries that read
 * it. The names keep the case of the file names; the connection decides whether a query must
 * match it. The tables share the schema's {@link CsvOptions} and one {@link ColumnCache}: the
 * columns a connection's queries parsed stay for its next queries.
 */
public final class CsvSchema
        extends AbstractSchema
{
    private final Path directory;
    private final CsvOptions options;
    private final ColumnCache cache = new ColumnCache();
    private Map<String, Table> tables;

    /** The tables of {@code directory}, read with the {@linkplain CsvOptions#defaults() default options}. */
    public CsvSchema(Path directory)
    {
        this(directory, CsvOptions.defaults());
    }

    public CsvSchema(Path directory, CsvOptions options)
    {
        if (!Files.exists(directory)) {
            throw new CsvException("no such directory: " + directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new CsvException("not a directory: " + directory + " (a directory of CSV files is expected)");
        }
        this.directory = directory;
        this.options = options;
    }

    public Path directory()
    {
        return directory;
    }

    /**
     * Two files that would be one table ({@code orders.csv} and {@code orders.csv.gz}, or
     * {@code Orders.csv} and {@code orders.csv}) are an error rather than a silent choice: the
     * connection looks names up ignoring case, and the user could not tell which file answered.
     */
    @Override
    protected synchronized Map<String, Table> getTableMap()
    {
        if (tables == null) {
            Map<String, Table> found = new TreeMap<>();
            Map<String, Path> byLowerCase = new HashMap<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.sorted().toList()) {
                    String name = tableName(file.getFileName().toString());
                    if (name == null || !Files.isRegularFile(file)) {
                        continue;
                    }
                    Path other = byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), file);
                    if (other != null) {
                        throw new CsvException(directory + ": " + other.getFileName() + " and " + file.getFileName()
                                + " would both be the table '" + name + "'; rename or remove one");
                    }
                    found.put(name, CsvTable.lazy(file, options, cache));
                }
            }
            catch (IOException e) {
                throw new CsvException("cannot list " + directory + ": " + e.getMessage(), e);
            }
            tables = Collections.unmodifiableMap(found);
        }
        return tables;
    }

    /** {@code orders.csv} and {@code orders.csv.gz} are {@code orders}; other files are not tables. */
    static String tableName(String file)
    {
        for (String suffix : new String[] {".csv", ".csv.gz"}) {
            if (file.endsWith(suffix) && file.length() > suffix.length()) {
                return file.substring(0, file.length() - suffix.length());
            }
        }
        return null;
    }
}

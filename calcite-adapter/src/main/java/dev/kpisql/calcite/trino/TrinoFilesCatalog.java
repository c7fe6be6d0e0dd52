package dev.kpisql.calcite.trino;

import dev.kpisql.calcite.csv.CsvException;
import dev.kpisql.calcite.csv.CsvSchema;
import dev.kpisql.calcite.csv.CsvTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeName;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The CSV files of a directory as the tables of a Trino catalog of Trino's own Hive connector
 * (file metastore, local file system), with the column types the embedded engine infers, so that
 * a query gives the same answer in both engines. Used by {@code ./kpi trino start --data DIR} and
 * by the Trino conformance test.
 *
 * <p>Two layers, because Trino's CSV reader (the Hive connector's, compatible with Hive's
 * OpenCSVSerde) reads every column as VARCHAR:
 * <ul>
 * <li>{@code CATALOG.csv.NAME}: an external CSV table over the file, its header line skipped,
 * every column VARCHAR and named {@code c1 … cN} in file order (Hive's CSV reader is told the
 * column names as one comma-separated list, so header names with commas could not be given to it);
 * <li>{@code CATALOG.data.NAME}: a view with the header's names and the inferred types, reading an
 * empty field as NULL, as the embedded engine does.
 * </ul>
 * A Hive table is a directory, so each file gets one of its own under the catalog's root
 * ({@code ROOT/csv/NAME/}): a hard link to the file, which sees the file's later appends, or a
 * copy where the root is on another file system. The view reads the rows when it is queried, so
 * rows appended to a linked file appear at once; a new file, a changed header or a file that is
 * gone takes one more {@link #synchronize} (which {@code ./kpi trino start --data DIR} runs on a
 * running server too).
 */
public final class TrinoFilesCatalog
{
    /** The schema of the raw, all-VARCHAR CSV tables. */
    public static final String TEXT_SCHEMA = "csv";
    /** The schema of the typed views: the name of the embedded engine's schema of the same files. */
    public static final String VIEW_SCHEMA = "data";

    private static final String TABLES_DIRECTORY = TEXT_SCHEMA;
    private static final String METASTORE_DIRECTORY = "metastore";

    private final String catalog;
    private final Path root;

    /**
     * @param catalog the Trino catalog's name
     * @param root the catalog's {@code local.location}: the directory that holds its metastore and
     * the tables' directories
     */
    public TrinoFilesCatalog(String catalog, Path root)
    {
        this.catalog = requireNonNull(catalog, "catalog");
        this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The properties of the catalog: the Hive connector with a file metastore, on the local file system under the root. */
    public Map<String, String> connectorProperties()
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hive.metastore", "file");
        properties.put("hive.metastore.catalog.dir", "local:///" + METASTORE_DIRECTORY);
        properties.put("fs.native-local.enabled", "true");
        properties.put("local.location", root.toString());
        return properties;
    }

    /** The catalog's properties file ({@code etc/catalog/NAME.properties}) for a server. */
    public String propertiesFile()
    {
        StringBuilder text = new StringBuilder("connector.name=hive\n");
        connectorProperties().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * Lays out the files of {@code dataDirectory} under the root and answers the statements that
     * make the catalog show exactly them: the two schemas, for each table its CSV table (dropped
     * and created again, so that a changed header takes effect) and its view, and the removal of
     * the tables whose file is gone. A file the embedded engine cannot read (an empty file, a
     * blank or repeated column name) is left out with a message to {@code warnings}, as the
     * embedded engine fails only the queries that name it.
     */
    public List<String> synchronize(Path dataDirectory, PrintStream warnings)
    {
        CsvSchema schema = new CsvSchema(dataDirectory);
        Map<String, CsvTable> tables = new TreeMap<>();
        for (String name : schema.tables().getNames(LikePattern.any())) {
            Table table = schema.tables().get(name);
            if (table instanceof CsvTable csv) {
                try {
                    csv.columnTypes();
                    tables.put(directoryName(name), csv);
                }
                catch (CsvException e) {
                    warnings.println("kpi trino: " + e.getMessage() + "; " + name + " is left out of the " + catalog + " catalog");
                }
            }
        }

        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA IF NOT EXISTS " + qualified(TEXT_SCHEMA) + " WITH (location = 'local:///" + TABLES_DIRECTORY + "')");
        statements.add("CREATE SCHEMA IF NOT EXISTS " + qualified(VIEW_SCHEMA));
        Path tablesDirectory = root.resolve(TABLES_DIRECTORY);
        for (String gone : existingTables(tablesDirectory)) {
            if (!tables.containsKey(gone)) {
                statements.add("DROP VIEW IF EXISTS " + qualified(VIEW_SCHEMA, gone));
                statements.add("DROP TABLE IF EXISTS " + qualified(TEXT_SCHEMA, gone));
                deleteRecursively(tablesDirectory.resolve(gone));
            }
        }
        tables.forEach((name, table) -> {
            place(table.file(), tablesDirectory.resolve(name));
            statements.add("DROP TABLE IF EXISTS " + qualified(TEXT_SCHEMA, name));
            statements.add(createTable(name, table.columnNames().size()));
            statements.add(createView(name, table.columnNames(), table.columnTypes()));
        });
        return statements;
    }

    private String createTable(String name, int columns)
    {
        List<String> definitions = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
            definitions.add("c" + c + " varchar");
        }
        // the escape character is NUL: RFC 4180 has none, and Hive's default, the backslash,
        // would eat the backslash before a quote or another backslash in a value
        return "CREATE TABLE " + qualified(TEXT_SCHEMA, name) + " (" + String.join(", ", definitions) + ")"
                + " WITH (format = 'CSV', external_location = 'local:///" + TABLES_DIRECTORY + "/" + name.replace("'", "''") + "',"
                + " skip_header_line_count = 1, csv_separator = ',', csv_quote = '\"', csv_escape = U&'\\0000')";
    }

    private String createView(String name, List<String> columnNames, List<SqlTypeName> columnTypes)
    {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < columnNames.size(); c++) {
            columns.add(typed("c" + (c + 1), columnTypes.get(c)) + " AS " + quoted(columnNames.get(c)));
        }
        // Trino reads an empty line as a row of NULLs, where c1 of any other line is at least '';
        // the embedded engine skips it in a file of several columns and reads a NULL in a file of one
        String emptyLines = columnNames.size() > 1 ? " WHERE c1 IS NOT NULL" : "";
        return "CREATE OR REPLACE VIEW " + qualified(VIEW_SCHEMA, name) + " SECURITY INVOKER AS SELECT " + String.join(", ", columns)
                + " FROM " + qualified(TEXT_SCHEMA, name) + emptyLines;
    }

    /**
     * The text of a field as the embedded engine reads it: an empty field is NULL; a TIMESTAMP may
     * have a {@code T} between date and time, which Trino's cast does not take. A value that does
     * not fit fails the query in both engines.
     */
    static String typed(String column, SqlTypeName type)
    {
        String text = "NULLIF(" + column + ", '')";
        return switch (type) {
            case BIGINT -> "CAST(" + text + " AS bigint)";
            case DOUBLE -> "CAST(" + text + " AS double)";
            case BOOLEAN -> "CAST(" + text + " AS boolean)";
            case DATE -> "CAST(" + text + " AS date)";
            case TIMESTAMP -> "CAST(replace(" + text + ", 'T', ' ') AS timestamp(3))";
            case VARCHAR -> text;
            default -> throw new IllegalArgumentException("no CSV column is " + type);
        };
    }

    /**
     * Trino's name of a table: Trino folds names to lower case; file names that differ only in case
     * are already an error of the embedded engine's schema.
     */
    private static String directoryName(String table)
    {
        return table.toLowerCase(Locale.ROOT);
    }

    private String qualified(String schema)
    {
        return quoted(catalog) + "." + quoted(schema);
    }

    private String qualified(String schema, String table)
    {
        return qualified(schema) + "." + quoted(table);
    }

    static String quoted(String identifier)
    {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Set<String> existingTables(Path tablesDirectory)
    {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(tablesDirectory)) {
            try (Stream<Path> children = Files.list(tablesDirectory)) {
                children.filter(Files::isDirectory).forEach(child -> names.add(child.getFileName().toString()));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot list " + tablesDirectory, e);
            }
        }
        return names;
    }

    /**
     * Makes {@code directory} hold one file with the content of {@code file}: a hard link, else (on
     * another file system) a copy, replaced when the file is no longer the same or newer. The name
     * keeps the {@code .gz} that tells Trino to decompress, and never starts with the {@code _} or
     * {@code .} of the files that Hive skips.
     */
    private static void place(Path file, Path directory)
    {
        String name = file.getFileName().toString().endsWith(".gz") ? "data.csv.gz" : "data.csv";
        Path target = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> children = Files.list(directory)) {
                for (Path child : children.toList()) {
                    if (!child.getFileName().toString().equals(name)) {
                        deleteRecursively(child);
                    }
                }
            }
            if (Files.exists(target)) {
                if (Files.isSameFile(target, file) || isCurrentCopy(target, file)) {
                    return;
                }
                // a link to a file that was replaced since, or an outdated copy
                Files.delete(target);
            }
            try {
                Files.createLink(target, file);
            }
            catch (FileSystemException | UnsupportedOperationException e) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot place " + file + " in " + directory, e);
        }
    }

    /** A copy (no other link to it) with the size and modification time of the file, as {@code COPY_ATTRIBUTES} left it. */
    private static boolean isCurrentCopy(Path target, Path file)
            throws IOException
    {
        try {
            if (((Number) Files.getAttribute(target, "unix:nlink")).intValue() > 1) {
                return false;
            }
        }
        catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no link counts here: a size and a time that match mean a copy of this file
        }
        return Files.size(target) == Files.size(file) && Files.getLastModifiedTime(target).equals(Files.getLastModifiedTime(file));
    }

    private static void deleteRecursively(Path path)
    {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /**
     * {@code properties --root ROOT} prints the catalog's properties file; {@code sync --data DIR
     * --root ROOT [--catalog NAME]} lays the files out and prints the statements, one per line,
     * each ending with {@code ;}, for {@code trino --file}.
     */
    public static void main(String[] args)
    {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String command = args.length > 0 ? args[0] : "";
        if (!options.containsKey("--root") || !(command.equals("properties") || (command.equals("sync") && options.containsKey("--data")))) {
            System.err.println("usage: TrinoFilesCatalog properties --root ROOT [--catalog NAME]");
            System.err.println("       TrinoFilesCatalog sync --data DIR --root ROOT [--catalog NAME]");
            System.exit(2);
        }
        TrinoFilesCatalog files = new TrinoFilesCatalog(options.getOrDefault("--catalog", "files"), Path.of(options.get("--root")));
        try {
            if (command.equals("properties")) {
                out.print(files.propertiesFile());
            }
            else {
                for (String statement : files.synchronize(Path.of(options.get("--data")), System.err)) {
                    out.println(statement + ";");
                }
            }
        }
        catch (CsvException | UncheckedIOException e) {
            System.err.println("kpi trino: " + e.getMessage());
            System.exit(1);
        }
        out.flush();
    }
}

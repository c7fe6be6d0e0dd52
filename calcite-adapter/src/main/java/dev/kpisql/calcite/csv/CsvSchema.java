package dev.kpisql.calcite.csv;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory of CSV files as a schema: each {@code NAME.csv} or {@code NAME.csv.gz} directly in
 * it is the table {@code NAME}. Tables are found and their types inferred on first use.
 */
public final class CsvSchema
        extends AbstractSchema
{
    private final Path directory;
    private Map<String, Table> tables;

    public CsvSchema(Path directory)
    {
        if (!Files.isDirectory(directory)) {
            throw new CsvException("not a directory: " + directory);
        }
        this.directory = directory;
    }

    public Path directory()
    {
        return directory;
    }

    @Override
    protected synchronized Map<String, Table> getTableMap()
    {
        if (tables == null) {
            Map<String, Table> found = new TreeMap<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.sorted().toList()) {
                    String name = tableName(file.getFileName().toString());
                    if (name != null && Files.isRegularFile(file)) {
                        found.put(name, CsvTable.of(file));
                    }
                }
            }
            catch (IOException e) {
                throw new CsvException("cannot list " + directory + ": " + e.getMessage(), e);
            }
            tables = found;
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

package dev.kpisql.calcite.examples;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One example of {@code sql-examples/}: {@code NAME.sql} (the question in its leading comment,
 * then a query that uses the KPI functions), {@code NAME.plain.sql} (the same answer in plain
 * SQL, which is what the function replaces) and {@code NAME.expected.csv} (the plain SQL's
 * answer, committed). Both engines must give the expected answer to {@code NAME.sql}.
 */
public record SqlExample(String name, List<String> question, String sql, Path file)
{
    /** DOUBLEs agree to 1e-9 relative (1e-12 near zero). */
    private static final double TOLERANCE = 1e-9;
    /** A column labelled {@code approx_…} holds an estimate: it agrees within 2 % of the exact answer. */
    private static final double APPROXIMATE_TOLERANCE = 0.02;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public SqlExample
    {
        requireNonNull(name, "name");
        question = List.copyOf(question);
        requireNonNull(sql, "sql");
        requireNonNull(file, "file");
    }

    /** Every {@code *.sql} of {@code directory} that is not a {@code .plain.sql}, by name. */
    public static List<SqlExample> load(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".sql") && !path.getFileName().toString().endsWith(".plain.sql"))
                    .sorted()
                    .map(SqlExample::read)
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list the examples in " + directory, e);
        }
    }

    public static SqlExample read(Path file)
    {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> question = new ArrayList<>();
        List<String> query = new ArrayList<>();
        for (String line : text.strip().split("\r?\n")) {
            if (query.isEmpty() && line.startsWith("--")) {
                question.add(line.replaceFirst("^--\\s?", ""));
            }
            else {
                query.add(line);
            }
        }
        String sql = String.join("\n", query).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        String name = file.getFileName().toString();
        return new SqlExample(name.substring(0, name.length() - ".sql".length()), question, sql, file);
    }

    public Path plainFile()
    {
        return file.resolveSibling(name + ".plain.sql");
    }

    public Path expectedFile()
    {
        return file.resolveSibling(name + ".expected.csv");
    }

    /** The plain-SQL version, without its comments' question. */
    public String plainSql()
    {
        return read(plainFile()).sql();
    }

    /** The header and rows of {@code NAME.expected.csv}; an empty field is NULL. */
    public List<List<String>> expected()
    {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(expectedFile())) {
            for (CsvRecord record : reader) {
                rows.add(record.getFields().stream().map(field -> field.isEmpty() ? null : field).toList());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + expectedFile(), e);
        }
        return rows;
    }

    /**
     * Compares an engine's answer — column labels, then rows as Java values from JDBC or Trino —
     * with the expected CSV; the first difference, or empty when they agree. Labels match in any
     * case; numbers to {@link #TOLERANCE}; dates and timestamps by their ISO text.
     */
    public Optional<String> compare(List<String> labels, List<List<Object>> rows)
    {
        List<List<String>> expected = expected();
        List<String> header = expected.get(0);
        if (header.size() != labels.size() || !String.join(",", header).equalsIgnoreCase(String.join(",", labels))) {
            return Optional.of(name + ": columns " + labels + ", expected " + header);
        }
        if (rows.size() != expected.size() - 1) {
            return Optional.of(name + ": " + rows.size() + " rows, expected " + (expected.size() - 1));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < labels.size(); c++) {
                String want = expected.get(r + 1).get(c);
                Object got = rows.get(r).get(c);
                boolean approximate = labels.get(c).toLowerCase(Locale.ROOT).startsWith("approx_");
                if (!agree(got, want, approximate ? APPROXIMATE_TOLERANCE : TOLERANCE)) {
                    return Optional.of(name + ": row " + (r + 1) + ", column " + labels.get(c) + ": " + text(got) + ", expected " + want);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean agree(Object got, String want, double tolerance)
    {
        if (got == null || want == null) {
            return got == null && want == null;
        }
        if (got instanceof Number number) {
            double expected;
            try {
                expected = Double.parseDouble(want);
            }
            catch (NumberFormatException e) {
                return false;
            }
            double actual = number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
            if (Double.isNaN(expected) || Double.isInfinite(expected)) {
                return Double.compare(actual, expected) == 0;
            }
            return Math.abs(actual - expected) <= Math.max(Math.abs(expected) * tolerance, 1e-12);
        }
        return text(got).equals(want);
    }

    /** A value as the CSV of the embedded engine writes it. */
    private static String text(Object value)
    {
        if (value instanceof java.sql.Timestamp timestamp) {
            return text(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime timestamp) {
            int millis = timestamp.getNano() / 1_000_000;
            return SECONDS.format(timestamp) + (millis == 0 ? "" : String.format(Locale.ROOT, ".%03d", millis));
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return String.valueOf(value);
    }
}

package dev.kpisql.calcite.csv;

/**
 * A record that does not fit its table, found by a reader that started inside the file: it knows
 * the record's line counted from where it started, and {@link #at} names the file's line once the
 * line breaks before that point are counted. The user sees the {@link CsvException} it becomes.
 */
final class CsvLineException
        extends RuntimeException
{
    private final long line;
    private final String before;
    private final String after;

    /** The message is {@code before + line + after}, the line counted in the whole file. */
    CsvLineException(long line, String before, String after, Throwable cause)
    {
        super(before + line + after, cause, false, false);
        this.line = line;
        this.before = before;
        this.after = after;
    }

    /** The error with its line in the file, for a reader that started after {@code linesBefore} line breaks. */
    CsvException at(long linesBefore)
    {
        return new CsvException(before + (line + linesBefore) + after, getCause());
    }
}

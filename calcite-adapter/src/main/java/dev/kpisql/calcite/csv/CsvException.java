package dev.kpisql.calcite.csv;

/** A CSV file the engine cannot read as a table; the message names the file and, when it can, the line. */
public final class CsvException
        extends RuntimeException
{
    public CsvException(String message)
    {
        super(message);
    }

    public CsvException(String message, Throwable cause)
    {
        super(message, cause);
    }
}

package dev.kpisql.calcite.csv;

import org.apache.calcite.sql.type.SqlTypeName;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The column types a CSV file can have, how a text is recognised as one, and how it is parsed
 * into Calcite's internal value (DATE as days and TIMESTAMP as milliseconds since 1970-01-01,
 * as wall-clock time without a zone).
 *
 * <p>Recognition is hand-written, without regular expressions: it runs on every value of the
 * sample, and parsing on every value of every scan.
 */
enum CsvType
{
    BIGINT(SqlTypeName.BIGINT),
    DOUBLE(SqlTypeName.DOUBLE),
    BOOLEAN(SqlTypeName.BOOLEAN),
    DATE(SqlTypeName.DATE),
    TIMESTAMP(SqlTypeName.TIMESTAMP),
    VARCHAR(SqlTypeName.VARCHAR);

    private final SqlTypeName sqlType;

    CsvType(SqlTypeName sqlType)
    {
        this.sqlType = sqlType;
    }

    SqlTypeName sqlType()
    {
        return sqlType;
    }

    /** The narrowest type that holds {@code text}, a non-empty field. */
    static CsvType of(String text)
    {
        if (parseLong(text) != null) {
            return BIGINT;
        }
        if (isDouble(text)) {
            return DOUBLE;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return BOOLEAN;
        }
        if (parseDate(text) != null) {
            return DATE;
        }
        if (parseTimestamp(text) != null) {
            return TIMESTAMP;
        }
        return VARCHAR;
    }

    /** The type of a column holding values of both types: numbers widen to DOUBLE, dates to TIMESTAMP, anything else to VARCHAR. */
    CsvType widen(CsvType other)
    {
        if (this == other) {
            return this;
        }
        if ((this == BIGINT && other == DOUBLE) || (this == DOUBLE && other == BIGINT)) {
            return DOUBLE;
        }
        if ((this == DATE && other == TIMESTAMP) || (this == TIMESTAMP && other == DATE)) {
            return TIMESTAMP;
        }
        return VARCHAR;
    }

    /** The internal value of {@code text}, a non-empty field, or null when it is not of this type. */
    Object parse(String text)
    {
        return switch (this) {
            case BIGINT -> parseLong(text);
            case DOUBLE -> isDouble(text) ? Double.valueOf(text) : null;
            case BOOLEAN -> text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            case DATE -> parseDate(text);
            case TIMESTAMP -> {
                Integer day = parseDate(text);
                yield day != null ? Long.valueOf(day * 86_400_000L) : parseTimestamp(text);
            }
            case VARCHAR -> text;
        };
    }

    /** An optional sign and up to 19 digits that fit a long. */
    private static Long parseLong(String text)
    {
        int length = text.length();
        int start = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (length == start || length - start > 19) {
            return null;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    /** Java's decimal syntax (digits, one point, an exponent), NaN and ±Infinity; no hex, no type suffix. */
    private static boolean isDouble(String text)
    {
        int length = text.length();
        int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        String rest = text.substring(i);
        if (rest.equals("NaN") || rest.equals("Infinity")) {
            return true;
        }
        int digits = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
            else if (c == '.' && !point) {
                point = true;
            }
            else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            for (; i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == length;
    }

    /** {@code yyyy-MM-dd}, a real date: days since 1970-01-01. */
    private static Integer parseDate(String text)
    {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
        }
        catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} (or with a {@code T}) and an optional fraction of up to three digits: milliseconds since 1970-01-01. */
    private static Long parseTimestamp(String text)
    {
        int length = text.length();
        if (length < 19 || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        Integer day = parseDate(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int millis = 0;
        if (length > 19) {
            if (text.charAt(19) != '.' || length == 20 || length > 23) {
                return null;
            }
            int fraction = digits(text, 20, length);
            if (fraction < 0) {
                return null;
            }
            millis = fraction * (length == 21 ? 100 : length == 22 ? 10 : 1);
        }
        return day * 86_400_000L + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    }

    /** The number written by the digits in {@code [from, to)}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to)
    {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

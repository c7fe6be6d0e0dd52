package dev.kpisql.calcite.csv;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The column types a CSV file can have, how a text is recognised as one, and how it is parsed
 * into Calcite's internal value (DATE as days and TIMESTAMP as milliseconds since 1970-01-01,
 * as wall-clock time without a zone).
 *
 * <p>Recognition and parsing are one hand-written pass over the characters, without regular
 * expressions or intermediate strings: parsing runs on every value of every scan, and a scan
 * of a large file spends most of its time here and in the CSV parser.
 */
enum CsvType
{
    BIGINT(SqlTypeName.BIGINT),
    DOUBLE(SqlTypeName.DOUBLE),
    BOOLEAN(SqlTypeName.BOOLEAN),
    DATE(SqlTypeName.DATE),
    TIMESTAMP(SqlTypeName.TIMESTAMP),
    VARCHAR(SqlTypeName.VARCHAR);

    /** Returned by {@link #epochDay} for a text that is not a date; no 4-digit year comes near it. */
    private static final int NOT_A_DATE = Integer.MIN_VALUE;
    /** Returned by {@link #epochMillis} for a text that is not a timestamp. */
    private static final long NOT_A_TIMESTAMP = Long.MIN_VALUE;

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int DAYS_0000_TO_1970 = 719_528;

    /** The powers of ten a double holds exactly; see {@link #parseDouble}. */
    private static final double[] EXACT_POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

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
        if (parseDouble(text) != null) {
            return DOUBLE;
        }
        if (parseBoolean(text) != null) {
            return BOOLEAN;
        }
        if (text.length() == 10 && epochDay(text) != NOT_A_DATE) {
            return DATE;
        }
        if (epochMillis(text) != NOT_A_TIMESTAMP) {
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

    /**
     * The internal value of {@code text}, a non-empty field, or null when it is not of this type.
     * A column widened from narrower types reads them too: an integer in a DOUBLE column, a date
     * (its midnight) in a TIMESTAMP column.
     */
    Object parse(String text)
    {
        return switch (this) {
            case BIGINT -> parseLong(text);
            case DOUBLE -> parseDouble(text);
            case BOOLEAN -> parseBoolean(text);
            case DATE -> {
                int day = text.length() == 10 ? epochDay(text) : NOT_A_DATE;
                yield day == NOT_A_DATE ? null : Integer.valueOf(day);
            }
            case TIMESTAMP -> {
                if (text.length() == 10) {
                    int day = epochDay(text);
                    yield day == NOT_A_DATE ? null : Long.valueOf(day * MILLIS_PER_DAY);
                }
                long millis = epochMillis(text);
                yield millis == NOT_A_TIMESTAMP ? null : Long.valueOf(millis);
            }
            case VARCHAR -> text;
        };
    }

    /** An optional sign and digits that fit a long. */
    static Long parseLong(String text)
    {
        int length = text.length();
        boolean negative = length > 0 && text.charAt(0) == '-';
        int start = negative || (length > 0 && text.charAt(0) == '+') ? 1 : 0;
        if (length == start) {
            return null;
        }
        if (length - start > 18) {
            // may overflow: rare enough to leave to the JDK
            for (int i = start; i < length; i++) {
                if (!isDigit(text.charAt(i))) {
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
        long value = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /**
     * Java's decimal syntax (an optional sign, digits with at most one point, an optional
     * exponent), {@code NaN} and {@code Infinity}; no hexadecimal, no type suffix, no spaces.
     *
     * <p>A plain decimal of up to 15 digits is computed as its digits divided by a power of ten:
     * both are exact doubles, so the one rounded division is the correctly rounded value, the
     * same as {@link Double#parseDouble} (Clinger's fast path), at a fraction of its cost.
     */
    static Double parseDouble(String text)
    {
        int length = text.length();
        boolean negative = length > 0 && text.charAt(0) == '-';
        int i = negative || (length > 0 && text.charAt(0) == '+') ? 1 : 0;
        if (length - i == 3 && text.startsWith("NaN", i)) {
            return Double.NaN;
        }
        if (length - i == 8 && text.startsWith("Infinity", i)) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        long digitsValue = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                if (digits < 18) {
                    digitsValue = digitsValue * 10 + (c - '0');
                }
                digits++;
                if (point) {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !point) {
                point = true;
            }
            else {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < length) {
            char c = text.charAt(i);
            if (c != 'e' && c != 'E') {
                return null;
            }
            i++;
            if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < length && isDigit(text.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0 || i < length) {
                return null;
            }
            return Double.valueOf(text);
        }
        if (digits > 15) {
            return Double.valueOf(text);
        }
        double value = digitsValue / EXACT_POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    /** {@code true} or {@code false} in any case. */
    static Boolean parseBoolean(String text)
    {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * The days since 1970-01-01 of the real date {@code yyyy-MM-dd} at the start of {@code text},
     * or {@link #NOT_A_DATE}. The arithmetic is {@link java.time.LocalDate#toEpochDay}'s, for years
     * 0000 to 9999.
     */
    private static int epochDay(String text)
    {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return NOT_A_DATE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return NOT_A_DATE;
        }
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        int monthLength = switch (month) {
            case 2 -> leap ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        if (day > monthLength) {
            return NOT_A_DATE;
        }
        int days = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        days += (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            days -= leap ? 1 : 2;
        }
        return days - DAYS_0000_TO_1970;
    }

    /**
     * The milliseconds since 1970-01-01 00:00:00 of {@code yyyy-MM-dd HH:mm:ss} (or with a
     * {@code T}) with an optional fraction of one to three digits, read as wall-clock time, or
     * {@link #NOT_A_TIMESTAMP}.
     */
    private static long epochMillis(String text)
    {
        int length = text.length();
        if (length < 19 || length == 20 || length > 23
                || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return NOT_A_TIMESTAMP;
        }
        int day = epochDay(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == NOT_A_DATE || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_A_TIMESTAMP;
        }
        int millis = 0;
        if (length > 19) {
            int fraction = text.charAt(19) == '.' ? digits(text, 20, length) : -1;
            if (fraction < 0) {
                return NOT_A_TIMESTAMP;
            }
            millis = fraction * (length == 21 ? 100 : length == 22 ? 10 : 1);
        }
        return day * MILLIS_PER_DAY + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    }

    /** The number written by the digits in {@code [from, to)}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to)
    {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }
}

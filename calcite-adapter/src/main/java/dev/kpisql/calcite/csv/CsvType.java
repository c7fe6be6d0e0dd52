package dev.kpisql.calcite.csv;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The column types a CSV file can have, how a text is recognised as one, and how it is parsed
 * into Calcite's internal value (DATE as days and TIMESTAMP as milliseconds since 1970-01-01,
 * as wall-clock time without a zone).
 *
 * <p>Recognition and parsing are one hand-written pass over the characters, without regular
 * expressions or intermediate strings: parsing runs on every value of every scan, and a scan
 * of a large file spends most of its time here and in the CSV parser. The scan parses the
 * parser's own character buffer ({@link #parseInto}) straight into a {@link Column}'s primitive
 * array; the {@code String} methods serve type inference and tests.
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
        char[] chars = text.toCharArray();
        int length = chars.length;
        if (parseLong(chars, 0, length, new long[1], 0)) {
            return BIGINT;
        }
        if (parseDouble(chars, 0, length, new double[1], 0)) {
            return DOUBLE;
        }
        if (parseBoolean(chars, 0, length) >= 0) {
            return BOOLEAN;
        }
        if (length == 10 && epochDay(chars, 0, length) != NOT_A_DATE) {
            return DATE;
        }
        if (epochMillis(chars, 0, length) != NOT_A_TIMESTAMP) {
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
        Column column = new Column(this, 1);
        if (!parseInto(text.toCharArray(), 0, text.length(), column, 0)) {
            return null;
        }
        return column.value(0);
    }

    /**
     * Parses the non-empty field {@code chars[offset, offset + length)} into row {@code row} of
     * {@code column}, a column of this type with room for the row; false, and the column
     * unchanged, when the text is not of this type (see {@link #parse}).
     */
    boolean parseInto(char[] chars, int offset, int length, Column column, int row)
    {
        switch (this) {
            case BIGINT -> {
                return parseLong(chars, offset, length, column.longs(), row);
            }
            case DOUBLE -> {
                return parseDouble(chars, offset, length, column.doubles(), row);
            }
            case BOOLEAN -> {
                int value = parseBoolean(chars, offset, length);
                if (value < 0) {
                    return false;
                }
                column.booleans()[row] = value == 1;
                return true;
            }
            case DATE -> {
                int day = length == 10 ? epochDay(chars, offset, length) : NOT_A_DATE;
                if (day == NOT_A_DATE) {
                    return false;
                }
                column.ints()[row] = day;
                return true;
            }
            case TIMESTAMP -> {
                long millis;
                if (length == 10) {
                    int day = epochDay(chars, offset, length);
                    millis = day == NOT_A_DATE ? NOT_A_TIMESTAMP : day * MILLIS_PER_DAY;
                }
                else {
                    millis = epochMillis(chars, offset, length);
                }
                if (millis == NOT_A_TIMESTAMP) {
                    return false;
                }
                column.longs()[row] = millis;
                return true;
            }
            case VARCHAR -> {
                column.setNewString(row, new String(chars, offset, length));
                return true;
            }
        }
        throw new AssertionError(this);
    }

    /** An optional sign and digits that fit a long, stored at {@code out[index]}; false when the text is not one. */
    static boolean parseLong(char[] text, int offset, int length, long[] out, int index)
    {
        int end = offset + length;
        boolean negative = length > 0 && text[offset] == '-';
        int start = offset + (negative || (length > 0 && text[offset] == '+') ? 1 : 0);
        if (end == start) {
            return false;
        }
        if (end - start > 18) {
            // may overflow: rare enough to leave to the JDK
            for (int i = start; i < end; i++) {
                if (!isDigit(text[i])) {
                    return false;
                }
            }
            try {
                out[index] = Long.parseLong(new String(text, offset, length));
                return true;
            }
            catch (NumberFormatException e) {
                return false;
            }
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (!isDigit(c)) {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        out[index] = negative ? -value : value;
        return true;
    }

    /**
     * Java's decimal syntax (an optional sign, digits with at most one point, an optional
     * exponent), {@code NaN} and {@code Infinity}, stored at {@code out[index]}; no hexadecimal,
     * no type suffix, no spaces.
     *
     * <p>A plain decimal of up to 15 digits is computed as its digits divided by a power of ten:
     * both are exact doubles, so the one rounded division is the correctly rounded value, the
     * same as {@link Double#parseDouble} (Clinger's fast path), at a fraction of its cost.
     */
    static boolean parseDouble(char[] text, int offset, int length, double[] out, int index)
    {
        int end = offset + length;
        boolean negative = length > 0 && text[offset] == '-';
        int i = offset + (negative || (length > 0 && text[offset] == '+') ? 1 : 0);
        if (end - i == 3 && matches(text, i, "NaN")) {
            out[index] = Double.NaN;
            return true;
        }
        if (end - i == 8 && matches(text, i, "Infinity")) {
            out[index] = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        long digitsValue = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text[i];
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
            return false;
        }
        if (i < end) {
            char c = text[i];
            if (c != 'e' && c != 'E') {
                return false;
            }
            i++;
            if (i < end && (text[i] == '-' || text[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < end && isDigit(text[i]); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0 || i < end) {
                return false;
            }
            out[index] = Double.parseDouble(new String(text, offset, length));
            return true;
        }
        if (digits > 15) {
            out[index] = Double.parseDouble(new String(text, offset, length));
            return true;
        }
        double value = digitsValue / EXACT_POWERS_OF_TEN[fractionDigits];
        out[index] = negative ? -value : value;
        return true;
    }

    /** 1 for {@code true}, 0 for {@code false} (in any case), -1 for anything else. */
    static int parseBoolean(char[] text, int offset, int length)
    {
        if (length == 4 && equalsIgnoreCase(text, offset, "true")) {
            return 1;
        }
        if (length == 5 && equalsIgnoreCase(text, offset, "false")) {
            return 0;
        }
        return -1;
    }

    /**
     * The days since 1970-01-01 of the real date {@code yyyy-MM-dd} at the start of the text,
     * or {@link #NOT_A_DATE}. The arithmetic is {@link java.time.LocalDate#toEpochDay}'s, for years
     * 0000 to 9999.
     */
    private static int epochDay(char[] text, int offset, int length)
    {
        if (length < 10 || text[offset + 4] != '-' || text[offset + 7] != '-') {
            return NOT_A_DATE;
        }
        int year = digits(text, offset, offset + 4);
        int month = digits(text, offset + 5, offset + 7);
        int day = digits(text, offset + 8, offset + 10);
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
    private static long epochMillis(char[] text, int offset, int length)
    {
        if (length < 19 || length == 20 || length > 23
                || (text[offset + 10] != ' ' && text[offset + 10] != 'T') || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return NOT_A_TIMESTAMP;
        }
        int day = epochDay(text, offset, length);
        int hour = digits(text, offset + 11, offset + 13);
        int minute = digits(text, offset + 14, offset + 16);
        int second = digits(text, offset + 17, offset + 19);
        if (day == NOT_A_DATE || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_A_TIMESTAMP;
        }
        int millis = 0;
        if (length > 19) {
            int fraction = text[offset + 19] == '.' ? digits(text, offset + 20, offset + length) : -1;
            if (fraction < 0) {
                return NOT_A_TIMESTAMP;
            }
            millis = fraction * (length == 21 ? 100 : length == 22 ? 10 : 1);
        }
        return day * MILLIS_PER_DAY + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    }

    /** The number written by the digits in {@code [from, to)}, or -1 when one is not a digit. */
    private static int digits(char[] text, int from, int to)
    {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean matches(char[] text, int offset, String word)
    {
        for (int i = 0; i < word.length(); i++) {
            if (text[offset + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@link String#equalsIgnoreCase}'s comparison, character by character. */
    private static boolean equalsIgnoreCase(char[] text, int offset, String word)
    {
        for (int i = 0; i < word.length(); i++) {
            char c = text[offset + i];
            char w = word.charAt(i);
            if (c == w) {
                continue;
            }
            char upperC = Character.toUpperCase(c);
            char upperW = Character.toUpperCase(w);
            if (upperC != upperW && Character.toLowerCase(upperC) != Character.toLowerCase(upperW)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }
}

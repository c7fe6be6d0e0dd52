package dev.kpisql.udfs.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.kpisql.udfs.catalog.SqlType.BIGINT;
import static dev.kpisql.udfs.catalog.SqlType.BOOLEAN;
import static dev.kpisql.udfs.catalog.SqlType.DOUBLE;
import static dev.kpisql.udfs.catalog.SqlType.VARCHAR;

/**
 * What an argument means, and so which SQL types it accepts (contract C9) and how its value is
 * passed to a {@link dev.kpisql.udfs.KpiAccumulator}.
 */
public enum ArgType
{
    /** A count of customers, leads, clicks …: any integer type, passed as a Long. */
    COUNT(List.of(BIGINT), "integer count, ≥ 0"),
    /** Money in the input's currency: any numeric type, passed as a Double. */
    MONEY(List.of(DOUBLE), "amount, ≥ 0, finite"),
    /** A survey score: an integer, or a DOUBLE holding a whole number. */
    SCORE(List.of(BIGINT, DOUBLE), "whole number on the scale"),
    /** A plain number such as a confidence level or a scale maximum. */
    NUMBER(List.of(DOUBLE), "number"),
    /** A user, customer or session id: VARCHAR (passed as String) or BIGINT (passed as Long). */
    ID(List.of(VARCHAR, BIGINT), "id"),
    /** A BOOLEAN, passed as a Boolean. */
    FLAG(List.of(BOOLEAN), "boolean"),
    /** A DATE, passed as the number of days since 1970-01-01 (a Number). */
    DATE(List.of(SqlType.DATE), "date"),
    /** A TIMESTAMP, passed as microseconds since 1970-01-01 00:00:00 (a Number). */
    TIMESTAMP(List.of(SqlType.TIMESTAMP), "timestamp"),
    /** A label such as a billing period, passed as a String. */
    TEXT(List.of(VARCHAR), "text"),
    /**
     * The time of an event: a TIMESTAMP, passed as a {@link java.time.Instant} (the wall-clock time read
     * as UTC), or a BIGINT clock in any unit, passed as a Long.
     */
    EVENT_TIME(List.of(SqlType.TIMESTAMP, BIGINT), "timestamp or integer clock"),
    /**
     * A time amount (a window, a gap): an INTERVAL DAY TO SECOND, passed as a {@link java.time.Duration}, or
     * a BIGINT, passed as a Long: seconds with a TIMESTAMP event time, the clock's own unit with a BIGINT one.
     */
    TIME_AMOUNT(List.of(SqlType.INTERVAL_DAY_TO_SECOND, BIGINT), "time amount, ≥ 0"),
    /** ARRAY(BOOLEAN) of 1 to 32 step or condition flags, passed as a List of Boolean (a NULL element is false). */
    CONDITIONS(List.of(SqlType.BOOLEAN_ARRAY), "1 to 32 flags"),
    /** The arm of an experiment a row belongs to: VARCHAR (passed as String), BIGINT (Long) or BOOLEAN (Boolean). */
    VARIANT(List.of(VARCHAR, BIGINT, BOOLEAN), "variant label"),
    /**
     * The control arm's variant value: the type of the overload's {@link #VARIANT} argument, which
     * {@link Overload#sqlSignatures()} follows (no VARCHAR variant with a BIGINT control).
     */
    CONTROL(List.of(VARCHAR, BIGINT, BOOLEAN), "variant value of the control arm"),
    /** A measured value that may be negative (revenue, a difference, a profit): any numeric type, passed as a Double; finite. */
    MEASURE(List.of(DOUBLE), "number, may be negative, finite");

    private final List<SqlType> sqlTypes;
    private final String meaning;

    ArgType(List<SqlType> sqlTypes, String meaning)
    {
        this.sqlTypes = sqlTypes;
        this.meaning = meaning;
    }

    /** The SQL types an engine registers for this argument, the preferred one first. */
    public List<SqlType> sqlTypes()
    {
        return sqlTypes;
    }

    public String meaning()
    {
        return meaning;
    }

    /**
     * Converts an example's Java value (Long, Double, String, Boolean, LocalDate, LocalDateTime,
     * Duration, a List of Boolean) to the internal representation an accumulator takes.
     */
    public Object toInternal(Object value)
    {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case DATE -> ((LocalDate) value).toEpochDay();
            case TIMESTAMP -> ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0).atOffset(ZoneOffset.UTC),
                    ((LocalDateTime) value).atOffset(ZoneOffset.UTC));
            case MONEY, NUMBER -> ((Number) value).doubleValue();
            case COUNT -> ((Number) value).longValue();
            case EVENT_TIME -> value instanceof LocalDateTime timestamp ? timestamp.toInstant(ZoneOffset.UTC) : ((Number) value).longValue();
            case TIME_AMOUNT -> value instanceof java.time.Duration ? value : ((Number) value).longValue();
            case CONDITIONS -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>((List<?>) value));
            case MEASURE -> ((Number) value).doubleValue();
            default -> value;
        };
    }
}

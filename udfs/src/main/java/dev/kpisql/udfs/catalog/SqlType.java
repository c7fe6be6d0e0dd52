package dev.kpisql.udfs.catalog;

/** The SQL types of the catalog, named as both engines spell them. */
public enum SqlType
{
    BIGINT,
    DOUBLE,
    VARCHAR,
    BOOLEAN,
    DATE,
    /** A timestamp without time zone; engines accept at least millisecond and microsecond precision. */
    TIMESTAMP,
    /** A row of named fields, a return type only: the fields are the function's {@link KpiFunction#fields()}. */
    ROW,
    /** A day-to-second interval: a duration in days, hours, minutes, seconds and fractions of a second. */
    INTERVAL_DAY_TO_SECOND,
    /** ARRAY(BOOLEAN): the step or condition flags of one event. */
    BOOLEAN_ARRAY,
    /** ARRAY(INTEGER): the answer of {@code retention}. */
    INTEGER_ARRAY;

    /** The type as SQL spells it: {@code INTERVAL DAY TO SECOND}, {@code ARRAY(BOOLEAN)}, {@code BIGINT} … */
    public String sql()
    {
        return switch (this) {
            case INTERVAL_DAY_TO_SECOND -> "INTERVAL DAY TO SECOND";
            case BOOLEAN_ARRAY -> "ARRAY(BOOLEAN)";
            case INTEGER_ARRAY -> "ARRAY(INTEGER)";
            default -> name();
        };
    }
}

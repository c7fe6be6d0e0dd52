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
}

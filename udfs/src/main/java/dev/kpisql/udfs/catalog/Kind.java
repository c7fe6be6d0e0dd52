package dev.kpisql.udfs.catalog;

public enum Kind
{
    AGGREGATE,
    SCALAR,
}

package dev.kpisql.udfs.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One field of a function's ROW result: its SQL name, its type (DOUBLE or BIGINT) and what it
 * means, with its unit.
 */
public record RowField(String name, SqlType type, String description)
{
    public RowField
    {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("field names are lower snake_case: " + name);
        }
        if (type == SqlType.ROW) {
            throw new IllegalArgumentException("a field cannot be a ROW: " + name);
        }
    }
}

package dev.kpisql.udfs.catalog;

import static java.util.Objects.requireNonNull;

/** One argument of an overload: its SQL name, what it means, and a short description. */
public record Argument(String name, ArgType type, String description)
{
    public Argument
    {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
    }
}

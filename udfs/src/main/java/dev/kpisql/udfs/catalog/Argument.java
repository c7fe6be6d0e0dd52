package dev.kpisql.udfs.catalog;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/** One argument of an overload: its SQL name, what it means, and a short description. */
public record Argument(String name, ArgType type, String description)
{
    /**
     * Argument names that an engine's parser reserves, so that a column of that name must be
     * quoted: {@code variant} is a keyword of Calcite 1.42 (its VARIANT type); Trino reads the
     * quoted lower-case name as the same column.
     */
    private static final Set<String> RESERVED = Set.of("variant");

    public Argument
    {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
    }

    /** The name as a column of generated SQL: {@code "variant"} quoted, any other name as it is. */
    public String sqlName()
    {
        return RESERVED.contains(name) ? '"' + name + '"' : name;
    }
}

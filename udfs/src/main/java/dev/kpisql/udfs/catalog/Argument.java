package dev.kpisql.udfs.catalog;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/** One argument of an overload: its SQL name, what it means, and a short description. */
public record Argument(String name, ArgType type, String description)
{
    /**
     * Argument names that an engine's parser reserves, so that a column of that name must be
     * quoted: {@code variant} (Calcite 1.42's VARIANT type), {@code window} and {@code pattern} are keywords of Calcite 1.42; Trino reads the
     * quoted lower-case name as the same column.
     */
    private static final Set<String> RESERVED = Set.of("variant", "window", "pattern");

    public Argument
    {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
    }

    /** The name as a column of generated SQL: quoted when a reserved word of an engine ({@code variant}, {@code window}, {@code pattern}), any other name as it is. */
    public String sqlName()
    {
        return RESERVED.contains(name) ? '"' + name + '"' : name;
    }
}

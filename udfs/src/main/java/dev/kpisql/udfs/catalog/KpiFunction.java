package dev.kpisql.udfs.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One SQL function of the contract with all its overloads.
 *
 * @param name lower snake_case SQL name
 * @param returnType DOUBLE or VARCHAR
 * @param unit what the number means: "percent (0..100)", "seconds", "input currency" …
 * @param notes NULL, empty-group, zero-denominator and error behaviour, and any interpretation of the contract
 */
public record KpiFunction(String name, Kind kind, SqlType returnType, String unit, String notes, List<Overload> overloads)
{
    public KpiFunction
    {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(returnType, "returnType");
        requireNonNull(unit, "unit");
        requireNonNull(notes, "notes");
        overloads = List.copyOf(overloads);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("function names are lower snake_case: " + name);
        }
        for (Overload overload : overloads) {
            if (overload.kind() != kind) {
                throw new IllegalArgumentException(name + ": every overload must be " + kind);
            }
        }
    }

    /** The first overload's description, for lists that show one line per function. */
    public String description()
    {
        return overloads.get(0).description();
    }
}

package dev.kpisql.udfs.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One SQL function of the contract with all its overloads.
 *
 * @param name lower snake_case SQL name
 * @param returnType DOUBLE or VARCHAR, or ROW with named {@code fields}
 * @param unit what the number means: "percent (0..100)", "seconds", "input currency" …
 * @param notes NULL, empty-group, zero-denominator and error behaviour, and any interpretation of the contract
 * @param fields the fields of a ROW result, in order; empty for any other return type
 */
public record KpiFunction(String name, Kind kind, SqlType returnType, String unit, String notes, List<Overload> overloads, List<RowField> fields)
{
    /** A function whose result is not a ROW. */
    public KpiFunction(String name, Kind kind, SqlType returnType, String unit, String notes, List<Overload> overloads)
    {
        this(name, kind, returnType, unit, notes, overloads, List.of());
    }

    public KpiFunction
    {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(returnType, "returnType");
        requireNonNull(unit, "unit");
        requireNonNull(notes, "notes");
        overloads = List.copyOf(overloads);
        fields = List.copyOf(fields);
        if ((returnType == SqlType.ROW) == fields.isEmpty()) {
            throw new IllegalArgumentException(name + ": a ROW result has fields, and only a ROW result has them");
        }
        if (fields.stream().map(RowField::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException(name + ": field names must be unique");
        }
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

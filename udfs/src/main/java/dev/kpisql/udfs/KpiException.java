package dev.kpisql.udfs;

import static java.util.Objects.requireNonNull;

/**
 * The one error of the KPI core: a user's input breaks a function's contract, or an exact
 * count or sum would overflow. The message always reads {@code function: detail}, for example
 * {@code nps: score 11 is outside 0..10}, so every engine can show it unchanged.
 */
public final class KpiException
        extends RuntimeException
{
    public enum Kind
    {
        /** The input is outside what the function accepts (Trino: INVALID_FUNCTION_ARGUMENT). */
        INVALID_ARGUMENT,
        /** An exact 64-bit count or a sum left its type's range (Trino: NUMERIC_VALUE_OUT_OF_RANGE). */
        OVERFLOW,
    }

    private final String function;
    private final Kind kind;

    private KpiException(String function, Kind kind, String detail)
    {
        super(requireNonNull(function, "function") + ": " + requireNonNull(detail, "detail"));
        this.function = function;
        this.kind = requireNonNull(kind, "kind");
    }

    public static KpiException invalid(String function, String detail)
    {
        return new KpiException(function, Kind.INVALID_ARGUMENT, detail);
    }

    public static KpiException overflow(String function, String what, String type)
    {
        return new KpiException(function, Kind.OVERFLOW, what + " overflows " + type);
    }

    public String function()
    {
        return function;
    }

    public Kind kind()
    {
        return kind;
    }
}

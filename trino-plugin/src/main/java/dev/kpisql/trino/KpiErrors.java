package dev.kpisql.trino;

import dev.kpisql.udfs.KpiException;
import io.trino.spi.TrinoException;

import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/**
 * The one translation of the core's errors into Trino's: a broken contract is
 * {@code INVALID_FUNCTION_ARGUMENT}, an exact count or sum that overflows is
 * {@code NUMERIC_VALUE_OUT_OF_RANGE}. Both are user errors, so {@code TRY(...)} catches them, and
 * the message is the core's {@code function: detail} unchanged.
 *
 * <p>Every input, combine and output method, and every scalar, calls the core inside
 * {@code try { … } catch (KpiException e) { throw KpiErrors.toTrino(e); }}: an exception that
 * escaped untranslated would surface as an internal error, which the contract (C5) forbids.
 */
public final class KpiErrors
{
    private KpiErrors() {}

    public static TrinoException toTrino(KpiException exception)
    {
        return switch (exception.kind()) {
            case INVALID_ARGUMENT -> new TrinoException(INVALID_FUNCTION_ARGUMENT, exception.getMessage(), exception);
            case OVERFLOW -> new TrinoException(NUMERIC_VALUE_OUT_OF_RANGE, exception.getMessage(), exception);
        };
    }
}

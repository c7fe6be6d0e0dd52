package dev.kpisql.udfs.retention;

import dev.kpisql.udfs.catalog.KpiFunction;

import java.util.List;

/** The catalog entries of the "Retention and churn" family of the contract. */
public final class RetentionFunctions
{
    private RetentionFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of();
    }
}

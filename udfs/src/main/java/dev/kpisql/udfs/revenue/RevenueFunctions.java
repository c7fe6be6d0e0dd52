package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.catalog.KpiFunction;

import java.util.List;

/** The catalog entries of the "Revenue" family of the contract. */
public final class RevenueFunctions
{
    private RevenueFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of();
    }
}

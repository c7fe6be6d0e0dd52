package dev.kpisql.udfs.engagement;

import dev.kpisql.udfs.catalog.KpiFunction;

import java.util.List;

/** The catalog entries of the "Engagement and growth" family of the contract. */
public final class EngagementFunctions
{
    private EngagementFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of();
    }
}

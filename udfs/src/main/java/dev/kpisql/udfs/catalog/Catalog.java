package dev.kpisql.udfs.catalog;

import com.google.common.collect.ImmutableList;
import dev.kpisql.udfs.engagement.EngagementFunctions;
import dev.kpisql.udfs.events.EventFunctions;
import dev.kpisql.udfs.experiment.ExperimentFunctions;
import dev.kpisql.udfs.retention.RetentionFunctions;
import dev.kpisql.udfs.revenue.RevenueFunctions;
import dev.kpisql.udfs.survey.SurveyFunctions;

import java.util.List;
import java.util.Optional;

/**
 * The one list of kpi-sql's SQL functions. Both engines register from it, the documentation is
 * generated from it, and each engine's tests check that it exposes exactly this list.
 */
public final class Catalog
{
    private static final List<KpiFunction> FUNCTIONS = ImmutableList.<KpiFunction>builder()
            .addAll(SurveyFunctions.all())
            .addAll(RetentionFunctions.all())
            .addAll(RevenueFunctions.all())
            .addAll(EngagementFunctions.all())
            .addAll(EventFunctions.all())
            .addAll(ExperimentFunctions.all())
            .build();

    private Catalog() {}

    public static List<KpiFunction> functions()
    {
        return FUNCTIONS;
    }

    public static Optional<KpiFunction> function(String name)
    {
        return FUNCTIONS.stream().filter(function -> function.name().equalsIgnoreCase(name)).findFirst();
    }
}

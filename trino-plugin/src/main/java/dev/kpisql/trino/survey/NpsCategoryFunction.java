package dev.kpisql.trino.survey;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.survey.Nps;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.function.Description;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/**
 * {@code nps_category(score)}: the template of a scalar. Primitive parameters make Trino return
 * NULL for a NULL argument without calling the method.
 */
public final class NpsCategoryFunction
{
    static final String DESCRIPTION = "Returns the NPS category of a 0..10 score: 'promoter' (9–10), 'passive' (7–8) or 'detractor' (0–6)";

    private NpsCategoryFunction() {}

    @ScalarFunction("nps_category")
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.VARCHAR)
    public static Slice bigintCategory(@SqlType(StandardTypes.BIGINT) long score)
    {
        try {
            return Slices.utf8Slice(Nps.category(score));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @ScalarFunction("nps_category")
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.VARCHAR)
    public static Slice doubleCategory(@SqlType(StandardTypes.DOUBLE) double score)
    {
        try {
            return Slices.utf8Slice(Nps.category(score));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.RateInterval;
import io.trino.spi.block.SqlRow;
import io.trino.spi.function.Description;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlNullable;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/**
 * {@code rate_interval_from_counts}: a rate and its Wilson score interval from counts. Primitive parameters make
 * Trino return NULL for a NULL argument without calling the method; the core answers NULL for
 * too little data.
 */
public final class RateIntervalFromCountsFunction
{
    static final String DESCRIPTION = "Returns successes as a percentage of trials with its 95 % Wilson score interval: ROW(rate, lower, upper)";
    static final String WITH_CONFIDENCE = "Returns successes as a percentage of trials with its Wilson score interval at the given two-sided confidence level";

    private RateIntervalFromCountsFunction() {}

    @ScalarFunction("rate_interval_from_counts")
    @Description(DESCRIPTION)
    @SqlNullable
    @SqlType(ExperimentRows.RATE)
    public static SqlRow fromCounts(
            @SqlType(StandardTypes.BIGINT) long successes,
            @SqlType(StandardTypes.BIGINT) long trials)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.RATE_TYPE, RateInterval.fromCounts(successes, trials));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @ScalarFunction("rate_interval_from_counts")
    @Description(WITH_CONFIDENCE)
    @SqlNullable
    @SqlType(ExperimentRows.RATE)
    public static SqlRow fromCountsAtConfidence(
            @SqlType(StandardTypes.BIGINT) long successes,
            @SqlType(StandardTypes.BIGINT) long trials,
            @SqlType(StandardTypes.DOUBLE) double confidence)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.RATE_TYPE, RateInterval.fromCounts(successes, trials, confidence));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

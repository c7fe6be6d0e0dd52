package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.Alternative;
import dev.kpisql.udfs.experiment.WelchTest;
import io.airlift.slice.Slice;
import io.trino.spi.block.SqlRow;
import io.trino.spi.function.Description;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlNullable;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/**
 * {@code welch_t_test_from_stats}: Welch's t-test from each arm's mean, sample variance and size. Primitive parameters make
 * Trino return NULL for a NULL argument without calling the method; the core answers NULL for
 * too little data.
 */
public final class WelchTTestFromStatsFunction
{
    static final String DESCRIPTION = "Computes Welch's unequal-variance t-test from the mean, sample variance and size of the control and the treatment: ROW(mean_control, mean_treatment, difference, t, df, p_value, lower, upper)";
    static final String WITH_CONFIDENCE = "Computes Welch's unequal-variance t-test from summary statistics with the interval of the difference at the given two-sided confidence level";
    static final String WITH_ALTERNATIVE = "Computes Welch's unequal-variance t-test from summary statistics with a one- or two-sided p-value ('two-sided', 'greater', 'less')";

    private WelchTTestFromStatsFunction() {}

    @ScalarFunction("welch_t_test_from_stats")
    @Description(DESCRIPTION)
    @SqlNullable
    @SqlType(ExperimentRows.T_TEST)
    public static SqlRow fromStats(
            @SqlType(StandardTypes.DOUBLE) double meanControl,
            @SqlType(StandardTypes.DOUBLE) double varianceControl,
            @SqlType(StandardTypes.BIGINT) long nControl,
            @SqlType(StandardTypes.DOUBLE) double meanTreatment,
            @SqlType(StandardTypes.DOUBLE) double varianceTreatment,
            @SqlType(StandardTypes.BIGINT) long nTreatment)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.T_TEST_TYPE, WelchTest.fromStats(meanControl, varianceControl, nControl, meanTreatment, varianceTreatment, nTreatment));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @ScalarFunction("welch_t_test_from_stats")
    @Description(WITH_CONFIDENCE)
    @SqlNullable
    @SqlType(ExperimentRows.T_TEST)
    public static SqlRow fromStatsAtConfidence(
            @SqlType(StandardTypes.DOUBLE) double meanControl,
            @SqlType(StandardTypes.DOUBLE) double varianceControl,
            @SqlType(StandardTypes.BIGINT) long nControl,
            @SqlType(StandardTypes.DOUBLE) double meanTreatment,
            @SqlType(StandardTypes.DOUBLE) double varianceTreatment,
            @SqlType(StandardTypes.BIGINT) long nTreatment,
            @SqlType(StandardTypes.DOUBLE) double confidence)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.T_TEST_TYPE, WelchTest.fromStats(meanControl, varianceControl, nControl, meanTreatment, varianceTreatment, nTreatment, confidence, Alternative.TWO_SIDED));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @ScalarFunction("welch_t_test_from_stats")
    @Description(WITH_ALTERNATIVE)
    @SqlNullable
    @SqlType(ExperimentRows.T_TEST)
    public static SqlRow fromStatsWithAlternative(
            @SqlType(StandardTypes.DOUBLE) double meanControl,
            @SqlType(StandardTypes.DOUBLE) double varianceControl,
            @SqlType(StandardTypes.BIGINT) long nControl,
            @SqlType(StandardTypes.DOUBLE) double meanTreatment,
            @SqlType(StandardTypes.DOUBLE) double varianceTreatment,
            @SqlType(StandardTypes.BIGINT) long nTreatment,
            @SqlType(StandardTypes.DOUBLE) double confidence,
            @SqlType(StandardTypes.VARCHAR) Slice alternative)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.T_TEST_TYPE, WelchTest.fromStats(meanControl, varianceControl, nControl, meanTreatment, varianceTreatment, nTreatment, confidence, Alternative.parse(WelchTest.FROM_STATS, alternative.byteArray(), alternative.byteArrayOffset(), alternative.length())));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

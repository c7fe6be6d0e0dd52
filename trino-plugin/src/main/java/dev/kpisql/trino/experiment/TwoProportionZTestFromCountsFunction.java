package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.Alternative;
import dev.kpisql.udfs.experiment.ProportionTest;
import io.airlift.slice.Slice;
import io.trino.spi.block.SqlRow;
import io.trino.spi.function.Description;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlNullable;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/**
 * {@code two_proportion_z_test_from_counts}: the two-proportion z-test from the conversions and trials of each arm. Primitive parameters make
 * Trino return NULL for a NULL argument without calling the method; the core answers NULL for
 * too little data.
 */
public final class TwoProportionZTestFromCountsFunction
{
    static final String DESCRIPTION = "Computes the two-proportion z-test from the conversions and trials of the control and the treatment: ROW(rate_control, rate_treatment, difference, z, p_value, lower, upper)";
    static final String WITH_CONFIDENCE = "Computes the two-proportion z-test from counts with the interval of the difference at the given two-sided confidence level";
    static final String WITH_ALTERNATIVE = "Computes the two-proportion z-test from counts with a one- or two-sided p-value ('two-sided', 'greater', 'less')";

    private TwoProportionZTestFromCountsFunction() {}

    @ScalarFunction("two_proportion_z_test_from_counts")
    @Description(DESCRIPTION)
    @SqlNullable
    @SqlType(ExperimentRows.Z_TEST)
    public static SqlRow fromCounts(
            @SqlType(StandardTypes.BIGINT) long successesControl,
            @SqlType(StandardTypes.BIGINT) long trialsControl,
            @SqlType(StandardTypes.BIGINT) long successesTreatment,
            @SqlType(StandardTypes.BIGINT) long trialsTreatment)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.Z_TEST_TYPE, ProportionTest.fromCounts(successesControl, trialsControl, successesTreatment, trialsTreatment));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @ScalarFunction("two_proportion_z_test_from_counts")
    @Description(WITH_CONFIDENCE)
    @SqlNullable
    @SqlType(ExperimentRows.Z_TEST)
    public static SqlRow fromCountsAtConfidence(
            @SqlType(StandardTypes.BIGINT) long successesControl,
            @SqlType(StandardTypes.BIGINT) long trialsControl,
            @SqlType(StandardTypes.BIGINT) long successesTreatment,
            @SqlType(StandardTypes.BIGINT) long trialsTreatment,
            @SqlType(StandardTypes.DOUBLE) double confidence)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.Z_TEST_TYPE, ProportionTest.fromCounts(successesControl, trialsControl, successesTreatment, trialsTreatment, confidence, Alternative.TWO_SIDED));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @ScalarFunction("two_proportion_z_test_from_counts")
    @Description(WITH_ALTERNATIVE)
    @SqlNullable
    @SqlType(ExperimentRows.Z_TEST)
    public static SqlRow fromCountsWithAlternative(
            @SqlType(StandardTypes.BIGINT) long successesControl,
            @SqlType(StandardTypes.BIGINT) long trialsControl,
            @SqlType(StandardTypes.BIGINT) long successesTreatment,
            @SqlType(StandardTypes.BIGINT) long trialsTreatment,
            @SqlType(StandardTypes.DOUBLE) double confidence,
            @SqlType(StandardTypes.VARCHAR) Slice alternative)
    {
        try {
            return KpiOutput.rowValue(ExperimentRows.Z_TEST_TYPE, ProportionTest.fromCounts(successesControl, trialsControl, successesTreatment, trialsTreatment, confidence, Alternative.parse(ProportionTest.FROM_COUNTS, alternative.byteArray(), alternative.byteArrayOffset(), alternative.length())));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.KpiException;

import java.util.Map;

/**
 * {@code two_proportion_z_test}: whether a treatment's conversion rate differs from the
 * control's. With p_c = k_c/n_c, p_t = k_t/n_t and the pooled p̄ = (k_c + k_t)/(n_c + n_t),
 * z = (p_t − p_c) / √(p̄(1 − p̄)(1/n_c + 1/n_t)), whose square is Pearson's χ² of the 2×2 table
 * without continuity correction; the p-value is the standard normal tail of z. The interval of
 * the difference is the unpooled Wald interval (p_t − p_c) ± z_conf·√(p_c(1 − p_c)/n_c +
 * p_t(1 − p_t)/n_t). Rates, the difference and the interval are in percent (points).
 *
 * <p>Every 1 − p is computed from the count of failures, not by subtraction, and the tail from
 * the survival function, so neither a rate near 100 % nor a p-value of 1e-300 loses digits. A
 * group with no conversions at all (or only conversions) has a pooled standard error of 0: z and
 * the p-value are NULL, the rates and the difference are given; likewise the interval when both
 * arms are all or nothing (contract E4).
 */
public final class ProportionTest
{
    public static final String Z_TEST = "two_proportion_z_test";
    public static final String FROM_COUNTS = "two_proportion_z_test_from_counts";

    private ProportionTest() {}

    /** {@code two_proportion_z_test_from_counts(…)} with the 95 % interval and a two-sided p-value. */
    public static Map<String, Object> fromCounts(long successesControl, long trialsControl, long successesTreatment, long trialsTreatment)
    {
        return fromCounts(successesControl, trialsControl, successesTreatment, trialsTreatment, Parameters.DEFAULT_CONFIDENCE, Alternative.TWO_SIDED);
    }

    /** {@code two_proportion_z_test_from_counts(…)}: counts validated; an arm without trials is NULL. */
    public static Map<String, Object> fromCounts(long successesControl, long trialsControl, long successesTreatment, long trialsTreatment,
            double confidence, Alternative alternative)
    {
        Check.nonNegative(FROM_COUNTS, "successes_control", successesControl);
        Check.nonNegative(FROM_COUNTS, "trials_control", trialsControl);
        Check.nonNegative(FROM_COUNTS, "successes_treatment", successesTreatment);
        Check.nonNegative(FROM_COUNTS, "trials_treatment", trialsTreatment);
        Parameters.confidence(FROM_COUNTS, confidence);
        if (successesControl > trialsControl) {
            throw KpiException.invalid(FROM_COUNTS, "successes_control " + successesControl + " exceed trials_control " + trialsControl);
        }
        if (successesTreatment > trialsTreatment) {
            throw KpiException.invalid(FROM_COUNTS, "successes_treatment " + successesTreatment + " exceed trials_treatment " + trialsTreatment);
        }
        return result(successesControl, trialsControl, successesTreatment, trialsTreatment, confidence, alternative);
    }

    static Map<String, Object> result(long successesControl, long trialsControl, long successesTreatment, long trialsTreatment,
            double confidence, Alternative alternative)
    {
        if (trialsControl == 0 || trialsTreatment == 0) {
            return null;
        }
        double nc = trialsControl;
        double nt = trialsTreatment;
        double pc = successesControl / nc;
        double qc = (trialsControl - successesControl) / nc;
        double pt = successesTreatment / nt;
        double qt = (trialsTreatment - successesTreatment) / nt;
        double difference = pt - pc;

        double total = nc + nt;
        double pooled = ((double) successesControl + successesTreatment) / total;
        double pooledFailures = ((double) (trialsControl - successesControl) + (trialsTreatment - successesTreatment)) / total;
        double pooledError = Math.sqrt(pooled * pooledFailures * (1 / nc + 1 / nt));
        Double z = null;
        Double pValue = null;
        if (pooledError > 0) {
            z = difference / pooledError;
            pValue = alternative.pValue(z, Parameters.STANDARD_NORMAL);
        }

        double error = Math.sqrt(pc * qc / nc + pt * qt / nt);
        Double lower = null;
        Double upper = null;
        if (error > 0) {
            double margin = Parameters.normalQuantile(confidence) * error;
            lower = 100 * (difference - margin);
            upper = 100 * (difference + margin);
        }
        return Rows.of("rate_control", 100 * pc, "rate_treatment", 100 * pt, "difference", 100 * difference,
                "z", z, "p_value", pValue, "lower", lower, "upper", upper);
    }
}

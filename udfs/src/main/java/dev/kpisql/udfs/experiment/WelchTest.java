package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.KpiException;
import org.apache.commons.statistics.distribution.TDistribution;

import java.util.Map;

/**
 * {@code welch_t_test}: Welch's unequal-variance t-test of two means (B. L. Welch, "The
 * generalization of 'Student's' problem when several different population variances are
 * involved", Biometrika 34, 1947). With sample variances s² (n − 1 denominators),
 * SE = √(s_c²/n_c + s_t²/n_t), t = (m_t − m_c)/SE, and the Welch–Satterthwaite degrees of freedom
 * df = (s_c²/n_c + s_t²/n_t)² / ((s_c²/n_c)²/(n_c − 1) + (s_t²/n_t)²/(n_t − 1)), not rounded. The
 * p-value is Student's t tail with df degrees of freedom, the interval
 * (m_t − m_c) ± t_df((1 + confidence)/2)·SE.
 *
 * <p>Fewer than two rows in an arm is NULL; a standard error of 0 (both arms constant) leaves t,
 * df, the p-value and the interval NULL and the means and their difference given (contract E4).
 * df is computed from the two terms scaled by the larger, so it neither overflows nor underflows.
 */
public final class WelchTest
{
    public static final String T_TEST = "welch_t_test";
    public static final String FROM_STATS = "welch_t_test_from_stats";

    private WelchTest() {}

    /** {@code welch_t_test_from_stats(…)} with the 95 % interval and a two-sided p-value. */
    public static Map<String, Object> fromStats(double meanControl, double varianceControl, long nControl, double meanTreatment, double varianceTreatment, long nTreatment)
    {
        return fromStats(meanControl, varianceControl, nControl, meanTreatment, varianceTreatment, nTreatment, Parameters.DEFAULT_CONFIDENCE, Alternative.TWO_SIDED);
    }

    /** {@code welch_t_test_from_stats(…)} from the arms' means, sample variances and sizes. */
    public static Map<String, Object> fromStats(double meanControl, double varianceControl, long nControl,
            double meanTreatment, double varianceTreatment, long nTreatment, double confidence, Alternative alternative)
    {
        Check.finite(FROM_STATS, "mean_control", meanControl);
        Check.nonNegative(FROM_STATS, "variance_control", varianceControl);
        Check.nonNegative(FROM_STATS, "n_control", nControl);
        Check.finite(FROM_STATS, "mean_treatment", meanTreatment);
        Check.nonNegative(FROM_STATS, "variance_treatment", varianceTreatment);
        Check.nonNegative(FROM_STATS, "n_treatment", nTreatment);
        Parameters.confidence(FROM_STATS, confidence);
        double difference = meanTreatment - meanControl;
        if (!Double.isFinite(difference)) {
            throw KpiException.overflow(FROM_STATS, "difference of the means", "DOUBLE");
        }
        return result(FROM_STATS, meanControl, varianceControl, nControl, meanTreatment, varianceTreatment, nTreatment, difference, confidence, alternative);
    }

    /**
     * The test's ROW; {@code difference} is m_t − m_c as precisely as the caller knows it (an
     * accumulator's means carry more digits than the doubles {@code mean…} show).
     */
    static Map<String, Object> result(String function, double meanControl, double varianceControl, long nControl,
            double meanTreatment, double varianceTreatment, long nTreatment, double difference, double confidence, Alternative alternative)
    {
        if (nControl < 2 || nTreatment < 2) {
            return null;
        }
        double a = varianceControl / nControl;
        double b = varianceTreatment / nTreatment;
        double standardError = Math.sqrt(a + b);
        if (!Double.isFinite(standardError)) {
            throw KpiException.overflow(function, "standard error", "DOUBLE");
        }
        Double t = null;
        Double degreesOfFreedom = null;
        Double pValue = null;
        Double lower = null;
        Double upper = null;
        double statistic = difference / standardError;
        // a standard error of 0, or one so small that t leaves DOUBLE, is no test
        if (standardError > 0 && Double.isFinite(statistic)) {
            double scale = Math.max(a, b);
            double as = a / scale;
            double bs = b / scale;
            double df = (as + bs) * (as + bs) / (as * as / (nControl - 1) + bs * bs / (nTreatment - 1));
            TDistribution distribution = TDistribution.of(df);
            double margin = distribution.inverseSurvivalProbability((1 - confidence) / 2) * standardError;
            t = statistic;
            degreesOfFreedom = df;
            pValue = alternative.pValue(statistic, distribution);
            lower = difference - margin;
            upper = difference + margin;
        }
        return Rows.of("mean_control", meanControl, "mean_treatment", meanTreatment, "difference", difference,
                "t", t, "df", degreesOfFreedom, "p_value", pValue, "lower", lower, "upper", upper);
    }
}

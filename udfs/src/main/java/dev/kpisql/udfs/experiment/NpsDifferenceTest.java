package dev.kpisql.udfs.experiment;

import java.util.Map;

/**
 * {@code nps_difference_test}: whether two Net Promoter Scores differ. Each answer scores +1
 * (promoter), 0 (passive) or −1 (detractor); an arm's NPS is 100 times the mean score and the
 * variance of a score is p⁺ + p⁻ − (p⁺ − p⁻)², the variance behind {@code nps_margin_of_error}.
 * The difference NPS_t − NPS_c has SE = 100·√(var_c/n_c + var_t/n_t); z = difference / SE is
 * read against the standard normal, and the interval is difference ± z_conf·SE (a normal test of
 * the means of two independent trinomial samples, unpooled; see cybaea.net, "Net Promoter Score
 * confidence intervals 2", 2016).
 *
 * <p>The variance is computed as p⁺(1 − p⁺) + p⁻(1 − p⁻) + 2p⁺p⁻, a sum of non-negative terms
 * with each 1 − p from counts, so it is exactly 0 only when every answer of the arm is in one
 * category. Fewer than two answers in an arm is NULL; a standard error of 0 leaves z, the p-value
 * and the interval NULL (contract E4).
 */
public final class NpsDifferenceTest
{
    public static final String NPS_DIFFERENCE = "nps_difference_test";

    private NpsDifferenceTest() {}

    static Map<String, Object> result(long promotersControl, long passivesControl, long detractorsControl,
            long promotersTreatment, long passivesTreatment, long detractorsTreatment, double confidence, Alternative alternative)
    {
        long nc = promotersControl + passivesControl + detractorsControl;
        long nt = promotersTreatment + passivesTreatment + detractorsTreatment;
        if (nc < 2 || nt < 2) {
            return null;
        }
        double npsControl = 100.0 * (promotersControl - detractorsControl) / nc;
        double npsTreatment = 100.0 * (promotersTreatment - detractorsTreatment) / nt;
        double difference = npsTreatment - npsControl;
        double standardError = 100 * Math.sqrt(variance(promotersControl, detractorsControl, nc) / nc + variance(promotersTreatment, detractorsTreatment, nt) / nt);
        Double z = null;
        Double pValue = null;
        Double lower = null;
        Double upper = null;
        if (standardError > 0) {
            z = difference / standardError;
            pValue = alternative.pValue(z, Parameters.STANDARD_NORMAL);
            double margin = Parameters.normalQuantile(confidence) * standardError;
            lower = difference - margin;
            upper = difference + margin;
        }
        return Rows.of("nps_control", npsControl, "nps_treatment", npsTreatment, "difference", difference,
                "z", z, "p_value", pValue, "lower", lower, "upper", upper);
    }

    /** The variance of one answer's score, +1, 0 or −1. */
    private static double variance(long promoters, long detractors, long n)
    {
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        return p * ((double) (n - promoters) / n) + d * ((double) (n - detractors) / n) + 2 * p * d;
    }
}

package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.KpiException;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

import java.util.List;
import java.util.Map;

/**
 * {@code srm_test}: the sample-ratio-mismatch check of an experiment's assignment. With o_i rows
 * of variant i, N = Σo_i and its planned share w_i, Pearson's χ² = Σ (o_i − N·w_i)² / (N·w_i) is
 * read against the χ² distribution with k − 1 degrees of freedom for k variants (K. Pearson,
 * 1900; as {@code scipy.stats.chisquare(f_obs, f_exp)}). The p-value is the upper tail, from the
 * survival function. Variants are summed in sorted order, so the answer does not depend on the
 * order rows arrive in.
 */
public final class SampleRatioTest
{
    public static final String SRM = "srm_test";

    /** How far the planned shares of the variants seen may sum from 1. */
    static final double SHARE_TOLERANCE = 1e-9;

    private SampleRatioTest() {}

    /** A row's planned share: finite, above 0 and at most 1. */
    static double share(double share)
    {
        Check.finite(SRM, "expected_share", share);
        if (!(share > 0 && share <= 1)) {
            throw KpiException.invalid(SRM, "expected_share " + Check.format(share) + " is outside 0 < expected_share ≤ 1");
        }
        return share;
    }

    /** One variant: how it shows in a message, its rows, its planned share. */
    record Arm(String shown, long rows, double share) {}

    /** The ROW (variants, chi_square, p_value) of the arms in sorted order; NULL below two variants. */
    static Map<String, Object> result(List<Arm> arms)
    {
        if (arms.size() < 2) {
            return null;
        }
        double shares = 0;
        long total = 0;
        for (Arm arm : arms) {
            shares += arm.share();
            total = dev.kpisql.udfs.Counts.add(SRM, "rows", total, arm.rows());
        }
        if (Math.abs(shares - 1) > SHARE_TOLERANCE) {
            StringBuilder each = new StringBuilder();
            for (Arm arm : arms) {
                each.append(each.isEmpty() ? "" : ", ").append(arm.shown()).append(' ').append(Check.format(arm.share()));
            }
            throw KpiException.invalid(SRM, "the expected shares of the variants seen sum to " + Check.format(shares) + ", not 1 (" + each + ")");
        }
        double chiSquare = 0;
        for (Arm arm : arms) {
            double expected = total * arm.share();
            double deviation = arm.rows() - expected;
            chiSquare += deviation * deviation / expected;
        }
        double pValue = ChiSquaredDistribution.of(arms.size() - 1).survivalProbability(chiSquare);
        return Rows.of("variants", (long) arms.size(), "chi_square", chiSquare, "p_value", pValue);
    }
}

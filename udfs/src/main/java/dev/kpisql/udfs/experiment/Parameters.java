package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.KpiException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The parameters of a test that must be the same in every row of a group (contract E3): the
 * two-sided confidence level of the interval, 0 while no row has set it, and the alternative,
 * null while no row has set it. A state keeps both; these functions validate a row's value and
 * check it against the group's.
 */
final class Parameters
{
    /** The confidence level of the overloads without one. */
    static final double DEFAULT_CONFIDENCE = 0.95;

    static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Parameters() {}

    /** A row's confidence level: finite, in the open interval 0..1. */
    static double confidence(String function, double value)
    {
        Check.finite(function, "confidence", value);
        if (!(value > 0 && value < 1)) {
            throw KpiException.invalid(function, "confidence " + Check.format(value) + " is outside the open interval 0..1");
        }
        return value;
    }

    /** The group's level once {@code next} (a row's, or another part's; 0 for none) joins {@code current}. */
    static double sameConfidence(String function, double current, double next)
    {
        if (current == 0) {
            return next;
        }
        if (next != 0) {
            Check.sameInGroup(function, "confidence", current, next);
        }
        return current;
    }

    /** The group's alternative once {@code next} (null for none) joins {@code current}. */
    static Alternative sameAlternative(String function, Alternative current, Alternative next)
    {
        if (current == null) {
            return next;
        }
        if (next != null && next != current) {
            String a = current.sqlName();
            String b = next.sqlName();
            throw KpiException.invalid(function, "alternative must be constant within a group, got '"
                    + (a.compareTo(b) < 0 ? a : b) + "' and '" + (a.compareTo(b) < 0 ? b : a) + "'");
        }
        return current;
    }

    static double confidenceOrDefault(double confidence)
    {
        return confidence == 0 ? DEFAULT_CONFIDENCE : confidence;
    }

    static Alternative alternativeOrDefault(Alternative alternative)
    {
        return alternative == null ? Alternative.TWO_SIDED : alternative;
    }

    /**
     * z such that P(−z ≤ Z ≤ z) = confidence, from the upper tail (1 − confidence) / 2, which
     * keeps every digit of a level close to 1.
     */
    static double normalQuantile(double confidence)
    {
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
    }
}

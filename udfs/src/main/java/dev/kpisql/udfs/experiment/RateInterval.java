package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.ratio.CountIf;

import java.util.Map;

/**
 * {@code rate_interval}: the share of TRUE rows in percent with its Wilson score interval
 * (E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 * JASA 22, 1927): the two roots p of (n + z²)p² − (2k + z²)p + k²/n = 0.
 *
 * <p>Written without cancellation: the upper root U = (2k + z² + z·√(z² + 4k(n − k)/n)) /
 * (2(n + z²)) is a sum of positive terms, and the lower root is the product of the roots over it,
 * k² / (n(n + z²)·U), so a bound of 1e-12 keeps its digits at either end (the textbook
 * centre ∓ half-width form cancels). The lower bound is exactly 0 when no row is true and the
 * upper exactly 100 when all are.
 */
public final class RateInterval
{
    public static final String RATE_INTERVAL = "rate_interval";
    public static final String FROM_COUNTS = "rate_interval_from_counts";

    private static final CountIf COUNT = CountIf.countingTrue(RATE_INTERVAL);

    private RateInterval() {}

    public static void add(RateIntervalState state, boolean condition)
    {
        COUNT.add(state, condition);
    }

    public static void add(RateIntervalState state, boolean condition, double confidence)
    {
        state.setConfidence(Parameters.sameConfidence(RATE_INTERVAL, state.getConfidence(), Parameters.confidence(RATE_INTERVAL, confidence)));
        COUNT.add(state, condition);
    }

    public static void merge(RateIntervalState state, RateIntervalState other)
    {
        state.setConfidence(Parameters.sameConfidence(RATE_INTERVAL, state.getConfidence(), other.getConfidence()));
        COUNT.merge(state, other);
    }

    /** The ROW (rate, lower, upper) in percent, or null for an empty group. */
    public static Map<String, Object> result(RateIntervalState state)
    {
        return interval(state.getMatches(), state.getRows(), Parameters.confidenceOrDefault(state.getConfidence()));
    }

    /** {@code rate_interval_from_counts(successes, trials)} at the 95 % level. */
    public static Map<String, Object> fromCounts(long successes, long trials)
    {
        return fromCounts(successes, trials, Parameters.DEFAULT_CONFIDENCE);
    }

    /** {@code rate_interval_from_counts(successes, trials[, confidence])}; trials = 0 is NULL. */
    public static Map<String, Object> fromCounts(long successes, long trials, double confidence)
    {
        Check.nonNegative(FROM_COUNTS, "successes", successes);
        Check.nonNegative(FROM_COUNTS, "trials", trials);
        Parameters.confidence(FROM_COUNTS, confidence);
        if (successes > trials) {
            throw KpiException.invalid(FROM_COUNTS, "successes " + successes + " exceed trials " + trials);
        }
        return interval(successes, trials, confidence);
    }

    static Map<String, Object> interval(long successes, long trials, double confidence)
    {
        if (trials == 0) {
            return null;
        }
        double z = Parameters.normalQuantile(confidence);
        double k = successes;
        double n = trials;
        double zz = z * z;
        double upperRoot = (2 * k + zz + z * Math.sqrt(zz + 4 * k * ((trials - successes) / n))) / (2 * (n + zz));
        double lower = successes == 0 ? 0 : k / n * (k / (n + zz)) / upperRoot;
        double upper = successes == trials ? 1 : Math.min(1, upperRoot);
        return Rows.of("rate", 100.0 * successes / trials, "lower", 100 * lower, "upper", 100 * upper);
    }
}

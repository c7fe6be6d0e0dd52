package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiException;

/**
 * Net Promoter Score: 100 × (#promoters − #detractors) / #responses on the 0..10 scale, with
 * promoters 9–10, passives 7–8 and detractors 0–6 (F. Reichheld, "The One Number You Need to
 * Grow", Harvard Business Review, 2003).
 *
 * <p>Its margin of error is the half-width of the normal-approximation confidence interval of
 * the difference of two multinomial shares: z × sqrt((p⁺ + p⁻ − (p⁺ − p⁻)²) / n) × 100, where
 * z is the two-sided standard normal quantile of the confidence level.
 */
public final class Nps
{
    public static final String NPS = "nps";
    public static final String MARGIN_OF_ERROR = "nps_margin_of_error";
    public static final String CATEGORY = "nps_category";

    public static final String PROMOTER = "promoter";
    public static final String PASSIVE = "passive";
    public static final String DETRACTOR = "detractor";

    /** The default two-sided confidence level of {@code nps_margin_of_error(score)}. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private Nps() {}

    public static void add(NpsState state, String function, long score)
    {
        Check.inRange(function, "score", score, 0, 10);
        if (score >= 9) {
            state.setPromoters(Counts.increment(function, "promoters", state.getPromoters()));
        }
        else if (score >= 7) {
            state.setPassives(Counts.increment(function, "passives", state.getPassives()));
        }
        else {
            state.setDetractors(Counts.increment(function, "detractors", state.getDetractors()));
        }
    }

    public static void add(NpsState state, String function, double score)
    {
        add(state, function, Check.wholeInRange(function, "score", score, 0, 10));
    }

    public static void addWithConfidence(NpsMarginState state, long score, double confidence)
    {
        setConfidence(state, confidence);
        add(state, MARGIN_OF_ERROR, score);
    }

    public static void addWithConfidence(NpsMarginState state, double score, double confidence)
    {
        setConfidence(state, confidence);
        add(state, MARGIN_OF_ERROR, score);
    }

    public static void merge(NpsState state, NpsState other, String function)
    {
        state.setPromoters(Counts.add(function, "promoters", state.getPromoters(), other.getPromoters()));
        state.setPassives(Counts.add(function, "passives", state.getPassives(), other.getPassives()));
        state.setDetractors(Counts.add(function, "detractors", state.getDetractors(), other.getDetractors()));
    }

    public static void mergeWithConfidence(NpsMarginState state, NpsMarginState other)
    {
        if (other.getConfidence() != 0) {
            setConfidence(state, other.getConfidence());
        }
        merge(state, other, MARGIN_OF_ERROR);
    }

    public static long responses(NpsState state, String function)
    {
        return Counts.add(function, "responses", Counts.add(function, "responses", state.getPromoters(), state.getPassives()), state.getDetractors());
    }

    /** The NPS in −100..100, or NULL for an empty group. */
    public static Double result(NpsState state)
    {
        long responses = responses(state, NPS);
        if (responses == 0) {
            return null;
        }
        // the difference of two counts cannot overflow: both are ≤ responses
        return 100.0 * (state.getPromoters() - state.getDetractors()) / responses;
    }

    /** The 95 % margin of error in NPS points, or NULL for fewer than two responses. */
    public static Double marginOfError(NpsState state)
    {
        return marginOfError(state, DEFAULT_CONFIDENCE, MARGIN_OF_ERROR);
    }

    public static Double marginOfErrorWithConfidence(NpsMarginState state)
    {
        return marginOfError(state, state.getConfidence(), MARGIN_OF_ERROR);
    }

    private static Double marginOfError(NpsState state, double confidence, String function)
    {
        long n = responses(state, function);
        if (n < 2) {
            return null;
        }
        double promoters = (double) state.getPromoters() / n;
        double detractors = (double) state.getDetractors() / n;
        double difference = promoters - detractors;
        // max(0, …) guards the rounding of a variance that is exactly 0 (all promoters, all detractors)
        double variance = Math.max(0, promoters + detractors - difference * difference);
        return NormalDistribution.twoSidedQuantile(confidence) * Math.sqrt(variance / n) * 100;
    }

    /** {@code 'promoter'}, {@code 'passive'} or {@code 'detractor'} for a score in 0..10. */
    public static String category(long score)
    {
        Check.inRange(CATEGORY, "score", score, 0, 10);
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }

    public static String category(double score)
    {
        return category(Check.wholeInRange(CATEGORY, "score", score, 0, 10));
    }

    private static void setConfidence(NpsMarginState state, double confidence)
    {
        Check.finite(MARGIN_OF_ERROR, "confidence", confidence);
        if (!(confidence > 0 && confidence < 1)) {
            throw KpiException.invalid(MARGIN_OF_ERROR, "confidence " + Check.format(confidence) + " is outside the open interval 0..1");
        }
        if (state.getConfidence() == 0) {
            state.setConfidence(confidence);
        }
        else {
            Check.sameInGroup(MARGIN_OF_ERROR, "confidence", state.getConfidence(), confidence);
        }
    }
}

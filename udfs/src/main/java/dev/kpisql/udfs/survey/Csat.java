package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.ratio.CountIf;
import dev.kpisql.udfs.ratio.CountIfState;

/**
 * Customer satisfaction, top-two-box: 100 × #(score ≥ scale_max − 1) / #responses on a
 * 1..scale_max scale, 1..5 by default (so positive means 4 or 5). The American Customer
 * Satisfaction Index and most CSAT surveys report this share.
 */
public final class Csat
{
    public static final String CSAT = "csat";
    public static final long DEFAULT_SCALE_MAX = 5;
    public static final long LOWEST_SCALE_MAX = 3;
    public static final long HIGHEST_SCALE_MAX = 100;

    private static final CountIf POSITIVE = CountIf.countingTrue(CSAT);

    private Csat() {}

    public static void add(CountIfState state, long score)
    {
        Check.inRange(CSAT, "score", score, 1, DEFAULT_SCALE_MAX);
        POSITIVE.add(state, score >= DEFAULT_SCALE_MAX - 1);
    }

    public static void add(CountIfState state, double score)
    {
        add(state, Check.wholeInRange(CSAT, "score", score, 1, DEFAULT_SCALE_MAX));
    }

    public static void addOnScale(CsatState state, long score, long scaleMax)
    {
        Scales.set(state, CSAT, scaleMax, LOWEST_SCALE_MAX, HIGHEST_SCALE_MAX);
        Check.inRange(CSAT, "score", score, 1, scaleMax);
        POSITIVE.add(state, score >= scaleMax - 1);
    }

    public static void addOnScale(CsatState state, double score, long scaleMax)
    {
        Scales.set(state, CSAT, scaleMax, LOWEST_SCALE_MAX, HIGHEST_SCALE_MAX);
        addOnScale(state, Check.wholeInRange(CSAT, "score", score, 1, scaleMax), scaleMax);
    }

    public static void merge(CountIfState state, CountIfState other)
    {
        POSITIVE.merge(state, other);
    }

    public static void mergeOnScale(CsatState state, CsatState other)
    {
        Scales.merge(state, other, CSAT);
        POSITIVE.merge(state, other);
    }

    /** The percentage of positive answers, or NULL for an empty group. */
    public static Double result(CountIfState state)
    {
        return POSITIVE.result(state);
    }
}

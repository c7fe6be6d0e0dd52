package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Sums;

/**
 * Customer Effort Score: the average answer to "how easy was it to …" on a 1..scale_max scale,
 * 1..10 by default (Dixon, Freeman and Toman, "Stop Trying to Delight Your Customers", Harvard
 * Business Review, 2010). Scores are whole numbers, so the sum is exact.
 */
public final class Ces
{
    public static final String CES = "ces";
    public static final long DEFAULT_SCALE_MAX = 10;
    public static final long LOWEST_SCALE_MAX = 2;
    public static final long HIGHEST_SCALE_MAX = 100;

    private Ces() {}

    public static void add(CesState state, long score)
    {
        Check.inRange(CES, "score", score, 1, DEFAULT_SCALE_MAX);
        count(state, score);
    }

    public static void add(CesState state, double score)
    {
        add(state, Check.wholeInRange(CES, "score", score, 1, DEFAULT_SCALE_MAX));
    }

    public static void addOnScale(CesState state, long score, long scaleMax)
    {
        Scales.set(state, CES, scaleMax, LOWEST_SCALE_MAX, HIGHEST_SCALE_MAX);
        Check.inRange(CES, "score", score, 1, scaleMax);
        count(state, score);
    }

    public static void addOnScale(CesState state, double score, long scaleMax)
    {
        Scales.set(state, CES, scaleMax, LOWEST_SCALE_MAX, HIGHEST_SCALE_MAX);
        addOnScale(state, Check.wholeInRange(CES, "score", score, 1, scaleMax), scaleMax);
    }

    public static void merge(CesState state, CesState other)
    {
        Scales.merge(state, other, CES);
        state.setTotal(Counts.addSum(CES, "score", state.getTotal(), other.getTotal()));
        state.setResponses(Counts.add(CES, "responses", state.getResponses(), other.getResponses()));
    }

    /** The average score, or NULL for an empty group. */
    public static Double result(CesState state)
    {
        return Sums.ratio(CES, state.getTotal(), state.getResponses(), 1);
    }

    private static void count(CesState state, long score)
    {
        state.setTotal(Counts.addSum(CES, "score", state.getTotal(), score));
        state.setResponses(Counts.increment(CES, "responses", state.getResponses()));
    }
}

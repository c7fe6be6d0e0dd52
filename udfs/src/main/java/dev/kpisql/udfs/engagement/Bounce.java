package dev.kpisql.udfs.engagement;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.ratio.CountIf;
import dev.kpisql.udfs.ratio.CountIfState;

/**
 * Bounce rate: 100 × #(sessions with exactly one page view) / #sessions. A session has at least
 * one page view, so a smaller count is invalid input.
 */
public final class Bounce
{
    public static final String BOUNCE_RATE = "bounce_rate";

    private static final CountIf SINGLE_PAGE = CountIf.countingTrue(BOUNCE_RATE);

    private Bounce() {}

    public static void add(CountIfState state, long pageviews)
    {
        if (pageviews < 1) {
            throw KpiException.invalid(BOUNCE_RATE, "pageviews " + pageviews + " is less than 1");
        }
        SINGLE_PAGE.add(state, pageviews == 1);
    }

    public static void merge(CountIfState state, CountIfState other)
    {
        SINGLE_PAGE.merge(state, other);
    }

    public static Double result(CountIfState state)
    {
        return SINGLE_PAGE.result(state);
    }
}

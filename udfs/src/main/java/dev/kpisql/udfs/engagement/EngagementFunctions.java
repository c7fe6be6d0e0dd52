package dev.kpisql.udfs.engagement;

import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;
import dev.kpisql.udfs.distinct.ApproxDauMauAccumulator;
import dev.kpisql.udfs.distinct.DistinctAccumulator;
import dev.kpisql.udfs.ratio.CountIf;
import dev.kpisql.udfs.ratio.CountIfAccumulator;
import dev.kpisql.udfs.ratio.CountRatio;
import dev.kpisql.udfs.ratio.CountRatioAccumulator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.kpisql.udfs.catalog.Example.row;

/** The catalog entries of the "Engagement and growth" family of the contract. */
public final class EngagementFunctions
{
    public static final Duration AVG_SESSION_DURATION = new Duration("avg_session_duration", "session_start", "session_end");
    public static final Duration TIME_TO_VALUE = new Duration("time_to_value", "started_at", "value_at");
    public static final CountIf CONVERSION_RATE_OF_ROWS = CountIf.countingTrue("conversion_rate");
    public static final CountRatio CONVERSION_RATE = CountRatio.numeratorFirst("conversion_rate", "conversions", "total", 100);
    public static final CountIf CART_ABANDONMENT_RATE = CountIf.countingFalse("cart_abandonment_rate");
    public static final CountRatio RETURN_RATE = CountRatio.numeratorFirst("return_rate", "returned", "purchased", 100);
    public static final CountRatio ENGAGEMENT_RATE = CountRatio.numeratorFirst("engagement_rate", "engagements", "impressions", 100);
    public static final CountRatio CLICK_THROUGH_RATE = CountRatio.numeratorFirst("click_through_rate", "clicks", "impressions", 100);
    public static final CountRatio OPEN_RATE = CountRatio.numeratorFirst("open_rate", "opens", "delivered", 100);
    public static final CountIf FIRST_CONTACT_RESOLUTION_RATE = CountIf.countingTrue("first_contact_resolution_rate");

    private static final Argument USER = new Argument("user_id", ArgType.ID, "the user");
    private static final Argument SESSION = new Argument("session_id", ArgType.ID, "the session");
    private static final Argument ACTIVITY_DATE = new Argument("activity_date", ArgType.DATE, "a day the user was active");
    private static final String COUNT_NOTES = "NULL rows are skipped; an empty group or a zero denominator returns NULL. A negative count fails the query.";
    private static final String FLAG_NOTES = "NULL rows are skipped; an empty group returns NULL.";
    private static final String ID_NOTES = "NULL rows are skipped; an empty group returns NULL. Ids are BIGINT or VARCHAR and compared exactly.";

    private EngagementFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of(dauMau(), approxDauMau(),
                duration("avg_session_duration", AVG_SESSION_DURATION, "session_start", "session_end", "when the session began", "when the session ended",
                        "Returns the average session duration in seconds",
                        "Σ (session_end − session_start) / #sessions, in seconds"),
                sessionsPerUser(), pagesPerSession(), bounceRate(), conversionRate(), featureAdoptionRate(),
                flag("cart_abandonment_rate", CART_ABANDONMENT_RATE, "purchased", "whether the cart was bought",
                        "Returns the cart abandonment rate: the percentage of carts that were not bought", "100 × #(NOT purchased) / #carts", 75.0),
                ratio("return_rate", RETURN_RATE, "returned", "items returned", "purchased", "items purchased",
                        "Returns the return rate: returned items as a percentage of purchased items", 2, 40, 3, 60, 5.0),
                ratio("engagement_rate", ENGAGEMENT_RATE, "engagements", "likes, comments, shares …", "impressions", "times the content was shown",
                        "Returns the engagement rate: engagements as a percentage of impressions", 10, 500, 20, 500, 3.0),
                ratio("click_through_rate", CLICK_THROUGH_RATE, "clicks", "clicks", "impressions", "impressions, or e-mails delivered",
                        "Returns the click-through rate: clicks as a percentage of impressions (for e-mail: of e-mails delivered)", 5, 400, 20, 600, 2.5),
                ratio("open_rate", OPEN_RATE, "opens", "e-mails opened", "delivered", "e-mails delivered",
                        "Returns the e-mail open rate: opened e-mails as a percentage of delivered ones", 100, 500, 120, 500, 22.0),
                flag("first_contact_resolution_rate", FIRST_CONTACT_RESOLUTION_RATE, "resolved_on_first_contact", "whether the ticket was solved on the first contact",
                        "Returns the first contact resolution rate: the percentage of tickets resolved on the first contact", "100 × #(resolved_on_first_contact) / #tickets", 25.0),
                duration("time_to_value", TIME_TO_VALUE, "started_at", "value_at", "when the user started (sign-up, trial start …)", "when the user first got value",
                        "Returns the average time to value in seconds: from the start of a user's journey to the first value",
                        "Σ (value_at − started_at) / #users, in seconds"));
    }

    private static KpiFunction dauMau()
    {
        return new KpiFunction("dau_mau", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)",
                ID_NOTES + " days counts calendar days from the group's first to its last activity_date, inclusive, whether or not anyone was active in between; "
                        + "a user active twice on one day counts once that day.",
                List.of(Overload.aggregate(List.of(USER, ACTIVITY_DATE),
                        "Returns stickiness (DAU/MAU): the average number of daily active users as a percentage of the distinct users of the group",
                        "100 × #distinct (user_id, activity_date) / (days × #distinct user_id)",
                        () -> new DistinctAccumulator(DistinctAccumulator.Kpi.DAU_MAU),
                        stickinessExamples())));
    }

    private static KpiFunction approxDauMau()
    {
        return new KpiFunction("approx_dau_mau", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)",
                ID_NOTES + " Counts come from HyperLogLog sketches (2^" + ApproxDauMauAccumulator.PRECISION
                        + " registers): each count has a relative standard error of about 0.41 %, so the result is within 2 % of dau_mau with overwhelming probability "
                        + "and exact up to 4,096 distinct values. Memory per group is bounded (about 130 KiB at most).",
                List.of(Overload.aggregate(List.of(USER, ACTIVITY_DATE),
                        "Returns approximate stickiness (DAU/MAU) from mergeable sketches with bounded memory, within 2 % of dau_mau",
                        "100 × ≈#distinct (user_id, activity_date) / (days × ≈#distinct user_id)",
                        ApproxDauMauAccumulator::new,
                        stickinessExamples())));
    }

    private static Example[] stickinessExamples()
    {
        // 10 of 50 users active each day of June: a tenth of the month's users is 20 % of them
        List<List<Object>> june = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            for (int k = 0; k < 10; k++) {
                june.add(row((long) ((day * 10 + k) % 50), LocalDate.of(2024, 6, 1).plusDays(day)));
            }
        }
        LocalDate first = LocalDate.of(2024, 1, 1);
        return new Example[] {
                new Example("10 daily actives every day of a 30-day month, 50 monthly actives", june, 20.0),
                new Example("two users over two days, a repeated visit and a NULL",
                        List.of(row("a", first), row("a", first.plusDays(1)), row("b", first.plusDays(1)), row("a", first.plusDays(1)), row(null, first)), 75.0),
        };
    }

    private static KpiFunction duration(String name, Duration kpi, String start, String end, String startMeaning, String endMeaning, String description, String formula)
    {
        LocalDateTime noon = LocalDateTime.of(2024, 3, 1, 12, 0);
        return new KpiFunction(name, Kind.AGGREGATE, SqlType.DOUBLE, "seconds",
                "NULL rows are skipped; an empty group returns NULL. " + end + " before " + start + " fails the query. Durations are summed exactly in microseconds.",
                List.of(Overload.aggregate(List.of(new Argument(start, ArgType.TIMESTAMP, startMeaning), new Argument(end, ArgType.TIMESTAMP, endMeaning)),
                        description, formula,
                        () -> new DurationAccumulator(kpi),
                        new Example("15 s, 20 s and 70 s", List.of(row(noon, noon.plusSeconds(15)), row(noon, noon.plusSeconds(20)), row(noon.plusMinutes(5), noon.plusMinutes(5).plusSeconds(70))), 35.0),
                        new Example("fractions of a second, and a NULL", List.of(row(noon, noon.plusNanos(500_000_000)), row(noon, noon.plusNanos(1_500_000_000)), row(noon, null)), 1.0),
                        Example.invalid("an end before its start", List.of(row(noon.plusHours(1), noon)), name + ": " + end + " 2024-03-01 12:00:00 is before " + start + " 2024-03-01 13:00:00"))));
    }

    private static KpiFunction sessionsPerUser()
    {
        return new KpiFunction("sessions_per_user", Kind.AGGREGATE, SqlType.DOUBLE, "sessions per user", ID_NOTES,
                List.of(Overload.aggregate(List.of(SESSION, USER),
                        "Returns the number of sessions per user: distinct sessions over distinct users",
                        "#distinct session_id / #distinct user_id",
                        () -> new DistinctAccumulator(DistinctAccumulator.Kpi.SESSIONS_PER_USER),
                        new Example("three sessions of two users", List.of(row(1L, 10L), row(2L, 10L), row(3L, 20L), row(3L, 20L)), 1.5),
                        new Example("VARCHAR ids and a NULL", List.of(row("s1", "u1"), row("s2", "u2"), row("s3", null)), 1.0))));
    }

    private static KpiFunction pagesPerSession()
    {
        return new KpiFunction("pages_per_session", Kind.AGGREGATE, SqlType.DOUBLE, "page views per session", ID_NOTES,
                List.of(Overload.aggregate(List.of(new Argument("session_id", ArgType.ID, "the session of one page view")),
                        "Returns the number of page views per session: rows over distinct sessions, each row being one page view",
                        "#rows / #distinct session_id",
                        () -> new DistinctAccumulator(DistinctAccumulator.Kpi.PAGES_PER_SESSION),
                        new Example("four views of two sessions", List.of(row("s1"), row("s1"), row("s1"), row("s2")), 2.0),
                        new Example("BIGINT ids and a NULL", List.of(row(7L), row(8L), row(8L), row((Object) null)), 1.5))));
    }

    private static KpiFunction bounceRate()
    {
        return new KpiFunction("bounce_rate", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)",
                "NULL rows are skipped; an empty group returns NULL. pageviews below 1 fails the query: every session has at least one page view.",
                List.of(Overload.aggregate(List.of(new Argument("pageviews", ArgType.COUNT, "page views of one session, ≥ 1")),
                        "Returns the bounce rate: the percentage of sessions with a single page view",
                        "100 × #(pageviews = 1) / #sessions",
                        BounceAccumulator::new,
                        new Example("two of four sessions bounced", List.of(row(1L), row(3L), row(1L), row(5L)), 50.0),
                        new Example("NULL rows are skipped", List.of(row(1L), row((Object) null), row(2L), row(2L), row(2L)), 25.0),
                        Example.invalid("a session without page views", List.of(row(0L)), "bounce_rate: pageviews 0 is less than 1"))));
    }

    private static KpiFunction conversionRate()
    {
        return new KpiFunction("conversion_rate", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)", COUNT_NOTES,
                List.of(Overload.aggregate(List.of(new Argument("converted", ArgType.FLAG, "whether the visitor, lead or trial converted")),
                                "Returns the conversion rate: the percentage of rows that converted, each row being one visitor, lead or trial",
                                "100 × #(converted) / #rows",
                                () -> new CountIfAccumulator(CONVERSION_RATE_OF_ROWS),
                                new Example("one of four converted", List.of(row(true), row(false), row(false), row(false)), 25.0),
                                new Example("NULL rows are skipped", List.of(row(true), row((Object) null)), 100.0)),
                        Overload.aggregate(List.of(new Argument("conversions", ArgType.COUNT, "conversions"), new Argument("total", ArgType.COUNT, "visitors, leads, trials …")),
                                "Returns the conversion rate from counts: conversions as a percentage of the total",
                                "100 × Σconversions / Σtotal",
                                () -> new CountRatioAccumulator(CONVERSION_RATE),
                                new Example("two days", List.of(row(3L, 100L), row(2L, 100L)), 2.5),
                                new Example("no visitors: NULL", List.of(row(0L, 0L), row(5L, null)), null),
                                Example.invalid("a negative count", List.of(row(-1L, 10L)), "conversion_rate: conversions -1 is negative"))));
    }

    private static KpiFunction featureAdoptionRate()
    {
        return new KpiFunction("feature_adoption_rate", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)", ID_NOTES,
                List.of(Overload.aggregate(List.of(USER, new Argument("used_feature", ArgType.FLAG, "whether the user used the feature in this row")),
                        "Returns the feature adoption rate: the percentage of distinct users who used the feature at least once",
                        "100 × #distinct user_id with a TRUE / #distinct user_id",
                        () -> new DistinctAccumulator(DistinctAccumulator.Kpi.FEATURE_ADOPTION_RATE),
                        new Example("two of four users adopted", List.of(row(1L, true), row(1L, false), row(2L, false), row(3L, true), row(4L, false)), 50.0),
                        new Example("VARCHAR ids and a NULL", List.of(row("u1", false), row("u1", true), row("u2", null)), 100.0))));
    }

    private static KpiFunction flag(String name, CountIf kpi, String argument, String meaning, String description, String formula, double expected)
    {
        Supplier<dev.kpisql.udfs.KpiAccumulator> accumulator = () -> new CountIfAccumulator(kpi);
        return new KpiFunction(name, Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)", FLAG_NOTES,
                List.of(Overload.aggregate(List.of(new Argument(argument, ArgType.FLAG, meaning)), description, formula, accumulator,
                        new Example("one TRUE of four", List.of(row(true), row(false), row(false), row(false)), expected),
                        new Example("only NULLs: empty group", List.of(row((Object) null)), null))));
    }

    private static KpiFunction ratio(String name, CountRatio kpi, String numerator, String numeratorMeaning, String denominator, String denominatorMeaning,
            String description, long a1, long b1, long a2, long b2, double expected)
    {
        return new KpiFunction(name, Kind.AGGREGATE, SqlType.DOUBLE, "percent", COUNT_NOTES,
                List.of(Overload.aggregate(List.of(new Argument(numerator, ArgType.COUNT, numeratorMeaning), new Argument(denominator, ArgType.COUNT, denominatorMeaning)),
                        description, "100 × Σ" + numerator + " / Σ" + denominator,
                        () -> new CountRatioAccumulator(kpi),
                        new Example("two rows and a NULL", List.of(row(a1, b1), row(a2, b2), row(null, 50L)), expected),
                        new Example("zero " + denominator + ": NULL", List.of(row(0L, 0L)), null),
                        Example.invalid("a negative count", List.of(row(1L, -5L)), name + ": " + denominator + " -5 is negative"))));
    }
}

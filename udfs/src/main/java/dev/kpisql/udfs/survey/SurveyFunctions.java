package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.Values;
import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;

import java.util.ArrayList;
import java.util.List;

import static dev.kpisql.udfs.catalog.Example.repeat;
import static dev.kpisql.udfs.catalog.Example.row;

/** The catalog entries of the "Survey and satisfaction" family of the contract. */
public final class SurveyFunctions
{
    private static final Argument NPS_SCORE = new Argument("score", ArgType.SCORE, "survey answer, a whole number 0..10");
    private static final Argument SCALE_MAX = new Argument("scale_max", ArgType.COUNT, "the highest score of the scale, constant within a group");
    private static final Argument CONFIDENCE = new Argument("confidence", ArgType.NUMBER, "two-sided confidence level, 0 < confidence < 1, constant within a group");

    private SurveyFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of(nps(), npsMarginOfError(), npsCategory(), csat(), ces());
    }

    private static KpiFunction nps()
    {
        // 70 promoters, 10 passives, 20 detractors: 100 × (70 − 20) / 100 = 50
        List<List<Object>> seventyTenTwenty = new ArrayList<>();
        seventyTenTwenty.addAll(repeat(70, row(9L)));
        seventyTenTwenty.addAll(repeat(10, row(7L)));
        seventyTenTwenty.addAll(repeat(20, row(3L)));
        return new KpiFunction("nps", Kind.AGGREGATE, SqlType.DOUBLE, "NPS points (−100..100)",
                "NULL scores are skipped; an empty group returns NULL. A score outside 0..10, or a DOUBLE score that is not a whole number, fails the query.",
                List.of(Overload.aggregate(List.of(NPS_SCORE),
                        "Returns the Net Promoter Score of 0..10 survey answers: the percentage of promoters (9–10) minus the percentage of detractors (0–6)",
                        "100 × (#promoters − #detractors) / #responses",
                        NpsAccumulator::new,
                        new Example("one promoter, one promoter, one detractor", List.of(row(9L), row(10L), row(3L)), 100.0 / 3),
                        new Example("70 % promoters, 10 % passives, 20 % detractors", seventyTenTwenty, 50.0),
                        new Example("NULL scores are skipped", List.of(row(10L), row((Object) null), row(6L), row(8L)), 0.0),
                        new Example("only NULLs: empty group", List.of(row((Object) null)), null),
                        Example.invalid("a score above 10", List.of(row(9L), row(11L)), "nps: score 11 is outside 0..10"),
                        Example.invalid("a score that is not whole", List.of(row(9.5)), "nps: score 9.5 is not a whole number"),
                        Example.invalid("a NaN score", List.of(row(Double.NaN)), "nps: score NaN is not a finite number"))));
    }

    private static KpiFunction npsMarginOfError()
    {
        // 2 promoters, 1 detractor: p⁺ = 2/3, p⁻ = 1/3, variance = 1 − 1/9 = 8/9, n = 3
        // 95 %: 1.9599639845400536 × sqrt(8/27) × 100 = 106.686926141…
        // 80 %: 1.2815515655446008 × sqrt(8/27) × 100 = 69.758831436…
        List<List<Object>> twoPromotersOneDetractor = List.of(row(9L), row(10L), row(0L));
        return new KpiFunction("nps_margin_of_error", Kind.AGGREGATE, SqlType.DOUBLE, "NPS points",
                "NULL rows are skipped; fewer than two responses return NULL. The default level uses the exact normal quantile z = 1.959963984540054 "
                        + "(the contract's 1.959964 is its rounding). confidence must be in the open interval 0..1 and the same in every row of a group.",
                List.of(Overload.aggregate(List.of(NPS_SCORE),
                                "Returns the half-width of the 95 % confidence interval of the Net Promoter Score, in NPS points",
                                "1.959964 × sqrt((p⁺ + p⁻ − (p⁺ − p⁻)²) / n) × 100",
                                NpsMarginAccumulator::new,
                                new Example("two promoters and a detractor", twoPromotersOneDetractor, 106.68692614122908),
                                new Example("one response: NULL", List.of(row(9L)), null),
                                Example.invalid("a negative score", List.of(row(-1L)), "nps_margin_of_error: score -1 is outside 0..10")),
                        Overload.aggregate(List.of(NPS_SCORE, CONFIDENCE),
                                "Returns the half-width of the confidence interval of the Net Promoter Score at the given two-sided confidence level, in NPS points",
                                "z((1 + confidence) / 2) × sqrt((p⁺ + p⁻ − (p⁺ − p⁻)²) / n) × 100",
                                NpsMarginAccumulator::new,
                                new Example("two promoters and a detractor at 80 %", List.of(row(9L, 0.8), row(10L, 0.8), row(0L, 0.8)), 69.75883143664942),
                                new Example("all promoters: no spread", List.of(row(9L, 0.9), row(10L, 0.9)), 0.0),
                                Example.invalid("a confidence of 1", List.of(row(9L, 1.0)), "nps_margin_of_error: confidence 1 is outside the open interval 0..1"),
                                Example.invalid("two confidence levels in one group", List.of(row(9L, 0.9), row(8L, 0.95)),
                                        "nps_margin_of_error: confidence must be constant within a group, got 0.9 and 0.95"))));
    }

    private static KpiFunction npsCategory()
    {
        return new KpiFunction("nps_category", Kind.SCALAR, SqlType.VARCHAR, "label",
                "Returns NULL for NULL. A score outside 0..10, or a DOUBLE score that is not a whole number, fails the query.",
                List.of(Overload.scalar(List.of(NPS_SCORE),
                        "Returns the NPS category of a 0..10 score: 'promoter' (9–10), 'passive' (7–8) or 'detractor' (0–6)",
                        "9–10 → 'promoter', 7–8 → 'passive', 0–6 → 'detractor'",
                        arguments -> Values.isIntegral(arguments[0]) ? Nps.category(Values.asLong(arguments[0])) : Nps.category(Values.asDouble(arguments[0])),
                        new Example("a promoter", List.of(row(9L)), "promoter"),
                        new Example("a passive", List.of(row(7L)), "passive"),
                        new Example("a detractor", List.of(row(6L)), "detractor"),
                        new Example("NULL", List.of(row((Object) null)), null),
                        Example.invalid("a score above 10", List.of(row(11L)), "nps_category: score 11 is outside 0..10"))));
    }

    private static KpiFunction csat()
    {
        Argument score = new Argument("score", ArgType.SCORE, "survey answer, a whole number 1..5");
        Argument scaledScore = new Argument("score", ArgType.SCORE, "survey answer, a whole number 1..scale_max");
        // 120 fives and 80 fours are positive; 100 threes and 100 ones are not: 200 of 400
        List<List<Object>> twoHundredOfFourHundred = new ArrayList<>();
        twoHundredOfFourHundred.addAll(repeat(120, row(5L)));
        twoHundredOfFourHundred.addAll(repeat(80, row(4L)));
        twoHundredOfFourHundred.addAll(repeat(100, row(3L)));
        twoHundredOfFourHundred.addAll(repeat(100, row(1L)));
        return new KpiFunction("csat", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)",
                "NULL rows are skipped; an empty group returns NULL. A score off the scale or not whole fails the query; "
                        + "scale_max must be in 3..100 and the same in every row of a group.",
                List.of(Overload.aggregate(List.of(score),
                                "Returns the customer satisfaction score: the percentage of 1..5 answers that are 4 or 5 (top-two-box)",
                                "100 × #(score ≥ 4) / #responses",
                                CsatAccumulator::new,
                                new Example("200 positive of 400 responses", twoHundredOfFourHundred, 50.0),
                                new Example("NULL answers are skipped", List.of(row(5L), row((Object) null), row(2L), row(4L)), 200.0 / 3),
                                Example.invalid("a score above 5", List.of(row(6L)), "csat: score 6 is outside 1..5")),
                        Overload.aggregate(List.of(scaledScore, SCALE_MAX),
                                "Returns the customer satisfaction score on a 1..scale_max scale: the percentage of answers in the top two boxes",
                                "100 × #(score ≥ scale_max − 1) / #responses",
                                CsatAccumulator::new,
                                new Example("1..10 scale: 9 and 10 are positive", List.of(row(10L, 10L), row(9L, 10L), row(8L, 10L), row(1L, 10L)), 50.0),
                                new Example("1..3 scale: 2 and 3 are positive", List.of(row(2L, 3L), row(1L, 3L), row(3L, 3L), row(null, 3L)), 200.0 / 3),
                                Example.invalid("a scale too short", List.of(row(1L, 2L)), "csat: scale_max 2 is outside 3..100"),
                                Example.invalid("a score off the scale", List.of(row(11L, 10L)), "csat: score 11 is outside 1..10"),
                                Example.invalid("two scales in one group", List.of(row(5L, 5L), row(7L, 7L)), "csat: scale_max must be constant within a group, got 5 and 7"))));
    }

    private static KpiFunction ces()
    {
        Argument score = new Argument("score", ArgType.SCORE, "effort answer, a whole number 1..10");
        Argument scaledScore = new Argument("score", ArgType.SCORE, "effort answer, a whole number 1..scale_max");
        return new KpiFunction("ces", Kind.AGGREGATE, SqlType.DOUBLE, "score points (1..scale_max)",
                "NULL rows are skipped; an empty group returns NULL. A score off the scale or not whole fails the query; "
                        + "scale_max must be in 2..100 and the same in every row of a group. Whether low or high means easy is the survey's convention.",
                List.of(Overload.aggregate(List.of(score),
                                "Returns the customer effort score: the average of 1..10 effort answers",
                                "Σscore / #responses",
                                CesAccumulator::new,
                                new Example("three answers", List.of(row(2L), row(4L), row(6L)), 4.0),
                                new Example("NULL answers are skipped", List.of(row(7L), row((Object) null), row(2L)), 4.5),
                                Example.invalid("a score of 0", List.of(row(0L)), "ces: score 0 is outside 1..10")),
                        Overload.aggregate(List.of(scaledScore, SCALE_MAX),
                                "Returns the customer effort score on a 1..scale_max scale: the average answer",
                                "Σscore / #responses, score in 1..scale_max",
                                CesAccumulator::new,
                                new Example("1..7 scale", List.of(row(7L, 7L), row(1L, 7L), row(4L, 7L), row(5L, 7L)), 4.25),
                                new Example("only NULL scores: empty group", List.of(row(null, 7L)), null),
                                Example.invalid("a score off the scale", List.of(row(8L, 7L)), "ces: score 8 is outside 1..7"),
                                Example.invalid("a one-point scale", List.of(row(1L, 1L)), "ces: scale_max 1 is outside 2..100"))));
    }
}

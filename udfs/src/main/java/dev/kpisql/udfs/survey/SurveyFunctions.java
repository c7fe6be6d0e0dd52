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
    private static final Argument CONFIDENCE = new Argument("confidence", ArgType.NUMBER, "two-sided confidence level, 0 < confidence < 1, constant within a group");

    private SurveyFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of(nps(), npsMarginOfError(), npsCategory());
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
                        new Example("only NULLs: empty group", List.of(row((Object) null)), null))));
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
                                new Example("one response: NULL", List.of(row(9L)), null)),
                        Overload.aggregate(List.of(NPS_SCORE, CONFIDENCE),
                                "Returns the half-width of the confidence interval of the Net Promoter Score at the given two-sided confidence level, in NPS points",
                                "z((1 + confidence) / 2) × sqrt((p⁺ + p⁻ − (p⁺ − p⁻)²) / n) × 100",
                                NpsMarginAccumulator::new,
                                new Example("two promoters and a detractor at 80 %", List.of(row(9L, 0.8), row(10L, 0.8), row(0L, 0.8)), 69.75883143664942),
                                new Example("all promoters: no spread", List.of(row(9L, 0.9), row(10L, 0.9)), 0.0))));
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
                        new Example("NULL", List.of(row((Object) null)), null))));
    }
}

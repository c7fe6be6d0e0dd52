package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Values;
import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.RowField;
import dev.kpisql.udfs.catalog.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.kpisql.udfs.catalog.Example.repeat;
import static dev.kpisql.udfs.catalog.Example.row;
import static dev.kpisql.udfs.catalog.SqlType.BIGINT;
import static dev.kpisql.udfs.catalog.SqlType.DOUBLE;

/**
 * The catalog entries of the "Experiments and uncertainty" family of the contract. The answers
 * of the examples were computed independently with scipy (see
 * {@code udfs/src/test/python/experiments_vectors.py}, which writes the larger reference
 * vectors) or come from ClickHouse's and GrowthBook's published tests, as their titles say.
 */
public final class ExperimentFunctions
{
    private static final String CONTROL = "control";
    private static final String TREATMENT = "treatment";

    private static final Argument CONDITION = new Argument("condition", ArgType.FLAG, "whether the row counts: converted, churned, score >= 4 …");
    private static final Argument CONFIDENCE = new Argument("confidence", ArgType.NUMBER, "two-sided confidence level of the interval, 0 < confidence < 1, constant within a group");
    private static final Argument ALTERNATIVE = new Argument("alternative", ArgType.TEXT,
            "'two-sided', 'greater' (treatment above control) or 'less', case-insensitive, constant within a group");
    private static final Argument VARIANT = new Argument("variant", ArgType.VARIANT, "the row's arm of the experiment");
    private static final Argument CONTROL_ARM = new Argument("control", ArgType.CONTROL, "the variant value of the control arm, of the variant's type, constant within a group");
    private static final Argument CONVERTED = new Argument("converted", ArgType.FLAG, "whether the row (a user, a visit) converted");
    private static final Argument VALUE = new Argument("value", ArgType.MEASURE, "the row's measurement (revenue per user, session length …), may be negative");
    private static final Argument SCORE = new Argument("score", ArgType.SCORE, "survey answer, a whole number 0..10");

    private static final String VARIANT_NOTES = "A row in which any argument is NULL is skipped. The group must hold exactly two variants, one of them the control: "
            + "with one variant, or two without the control, the result is NULL; a third variant fails the query, naming three of them in sorted order "
            + "(also when the third only meets the others when partial results are merged). The control, confidence and alternative must be the same in every row of a group. "
            + "difference is treatment − control. The interval is two-sided at the confidence level (0.95 by default) whatever the alternative; "
            + "alternative is 'two-sided' (default), 'greater' or 'less', in any case. ";

    private ExperimentFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of(rateInterval(), rateIntervalFromCounts(), twoProportionZTest(), twoProportionZTestFromCounts(),
                welchTTest(), welchTTestFromStats(), npsDifferenceTest(), srmTest());
    }

    // ---- intervals of a rate -------------------------------------------------------------------

    private static final List<RowField> RATE_FIELDS = List.of(
            new RowField("rate", DOUBLE, "share of TRUE rows (successes of trials), percent 0..100"),
            new RowField("lower", DOUBLE, "lower bound of the Wilson score interval, percent; exactly 0 when no row is true"),
            new RowField("upper", DOUBLE, "upper bound of the Wilson score interval, percent; exactly 100 when every row is"));

    private static KpiFunction rateInterval()
    {
        List<List<Object>> twoOfThree = List.of(row(true), row(true), row((Object) null), row(false));
        List<List<Object>> fourOfTwentyFive = new ArrayList<>(repeat(4, row(true, 0.8)));
        fourOfTwentyFive.addAll(repeat(21, row(false, 0.8)));
        return new KpiFunction("rate_interval", Kind.AGGREGATE, SqlType.ROW, "rate, lower and upper in percent (0..100)",
                "NULL rows are skipped; an empty group returns NULL. The interval is Wilson's score interval, computed without cancellation: lower is exactly 0 "
                        + "when no row is true and upper exactly 100 when all are. confidence must be in the open interval 0..1 and the same in every row of a group.",
                List.of(Overload.aggregate(List.of(CONDITION),
                                "Returns the share of TRUE rows in percent with its 95 % Wilson score interval: ROW(rate, lower, upper)",
                                "rate = 100 × k / n; lower, upper = 100 × (k + z²/2 ∓ z·√(k(n − k)/n + z²/4)) / (n + z²), z = 1.959964",
                                RateIntervalAccumulator::new,
                                new Example("two of three rows, NULL skipped", twoOfThree, Rows.of("rate", 200.0 / 3, "lower", 20.765960080204774, "upper", 93.85080552796038)),
                                new Example("no row true: lower is exactly 0", repeat(10, row(false)), Rows.of("rate", 0.0, "lower", 0.0, "upper", 27.75327998628892)),
                                new Example("only NULLs: empty group", List.of(row((Object) null)), null)),
                        Overload.aggregate(List.of(CONDITION, CONFIDENCE),
                                "Returns the share of TRUE rows in percent with its Wilson score interval at the given two-sided confidence level",
                                "as rate_interval(condition) with z = z((1 + confidence) / 2)",
                                RateIntervalAccumulator::new,
                                new Example("4 of 25 at 80 %", fourOfTwentyFive, Rows.of("rate", 16.0, "lower", 8.755481929886447, "upper", 27.436391455343113)),
                                new Example("every row true at 90 %: upper is exactly 100", repeat(4, row(true, 0.9)), Rows.of("rate", 100.0, "lower", 59.65213747972952, "upper", 100.0)),
                                Example.invalid("a confidence of 1", List.of(row(true, 1.0)), "rate_interval: confidence 1 is outside the open interval 0..1"),
                                Example.invalid("two confidence levels in one group", List.of(row(true, 0.9), row(false, 0.95)),
                                        "rate_interval: confidence must be constant within a group, got 0.9 and 0.95"))),
                RATE_FIELDS);
    }

    private static KpiFunction rateIntervalFromCounts()
    {
        Argument successes = new Argument("successes", ArgType.COUNT, "the number of successes, 0 ≤ successes ≤ trials");
        Argument trials = new Argument("trials", ArgType.COUNT, "the number of trials");
        return new KpiFunction("rate_interval_from_counts", Kind.SCALAR, SqlType.ROW, "rate, lower and upper in percent (0..100)",
                "Returns NULL for any NULL argument and for 0 trials. Negative counts, successes above trials, or a confidence outside the open interval 0..1 fail the query.",
                List.of(Overload.scalar(List.of(successes, trials),
                                "Returns successes as a percentage of trials with its 95 % Wilson score interval: ROW(rate, lower, upper)",
                                "as rate_interval(condition) with k = successes, n = trials",
                                arguments -> RateInterval.fromCounts(Values.asLong(arguments[0]), Values.asLong(arguments[1])),
                                new Example("no successes in 10 trials", List.of(row(0L, 10L)), Rows.of("rate", 0.0, "lower", 0.0, "upper", 27.75327998628892)),
                                new Example("3 of 5", List.of(row(3L, 5L)), Rows.of("rate", 60.0, "lower", 23.072428127601295, "upper", 88.2379225767352)),
                                new Example("no trials: NULL", List.of(row(0L, 0L)), null),
                                Example.invalid("more successes than trials", List.of(row(6L, 5L)), "rate_interval_from_counts: successes 6 exceed trials 5"),
                                Example.invalid("a negative count", List.of(row(-1L, 5L)), "rate_interval_from_counts: successes -1 is negative")),
                        Overload.scalar(List.of(successes, trials, CONFIDENCE),
                                "Returns successes as a percentage of trials with its Wilson score interval at the given two-sided confidence level",
                                "as rate_interval(condition, confidence)",
                                arguments -> RateInterval.fromCounts(Values.asLong(arguments[0]), Values.asLong(arguments[1]), Values.asDouble(arguments[2])),
                                new Example("no success in one trial at 90 %", List.of(row(0L, 1L, 0.9)), Rows.of("rate", 0.0, "lower", 0.0, "upper", 73.0134051215946)),
                                new Example("37 of 400 at 80 %", List.of(row(37L, 400L, 0.8)), Rows.of("rate", 9.25, "lower", 7.5564313292998255, "upper", 11.276834091286386)),
                                Example.invalid("a confidence of 0", List.of(row(3L, 5L, 0.0)), "rate_interval_from_counts: confidence 0 is outside the open interval 0..1"))),
                RATE_FIELDS);
    }

    // ---- two proportions ------------------------------------------------------------------------

    private static final List<RowField> Z_FIELDS = List.of(
            new RowField("rate_control", DOUBLE, "conversion rate of the control, percent"),
            new RowField("rate_treatment", DOUBLE, "conversion rate of the treatment, percent"),
            new RowField("difference", DOUBLE, "rate_treatment − rate_control, percentage points"),
            new RowField("z", DOUBLE, "the pooled z statistic; NULL when no row or every row converted"),
            new RowField("p_value", DOUBLE, "probability 0..1 of a difference this large (in the alternative's direction) without a real one"),
            new RowField("lower", DOUBLE, "lower bound of the unpooled Wald interval of the difference, percentage points"),
            new RowField("upper", DOUBLE, "upper bound of the unpooled Wald interval of the difference, percentage points"));

    private static final String Z_FORMULA = "z = (p_t − p_c) / √(p̄(1 − p̄)(1/n_c + 1/n_t)), p̄ pooled; interval (p_t − p_c) ± z_conf·√(p_c(1 − p_c)/n_c + p_t(1 − p_t)/n_t); ×100 for percent";

    private static Map<String, Object> zTest(double rateControl, double rateTreatment, double difference, Double z, Double pValue, Double lower, Double upper)
    {
        return Rows.of("rate_control", rateControl, "rate_treatment", rateTreatment, "difference", difference, "z", z, "p_value", pValue, "lower", lower, "upper", upper);
    }

    /** Rows of converted (true k times, false n − k times) for each arm, with the trailing arguments. */
    private static List<List<Object>> conversions(long successesControl, long trialsControl, Object control, long successesTreatment, long trialsTreatment, Object treatment, Object... parameters)
    {
        List<List<Object>> rows = new ArrayList<>();
        Object[][] arms = {{successesControl, trialsControl, control}, {successesTreatment, trialsTreatment, treatment}};
        for (Object[] arm : arms) {
            long k = (Long) arm[0];
            long n = (Long) arm[1];
            rows.addAll(repeat((int) k, withParameters(row(true, arm[2], control), parameters)));
            rows.addAll(repeat((int) (n - k), withParameters(row(false, arm[2], control), parameters)));
        }
        return rows;
    }

    private static List<Object> withParameters(List<Object> row, Object... parameters)
    {
        List<Object> values = new ArrayList<>(row);
        values.addAll(java.util.Arrays.asList(parameters));
        return values;
    }

    private static KpiFunction twoProportionZTest()
    {
        Map<String, Object> clickhouse = zTest(10.0, 10.891089108910892, 0.8910891089108905, 0.20650660711849586, 0.8363952042359349, -7.563797172293501, 9.345975390115283);
        return new KpiFunction("two_proportion_z_test", Kind.AGGREGATE, SqlType.ROW, "rates, difference and interval in percent (points); p_value a probability",
                VARIANT_NOTES + "A standard error of 0 leaves its fields NULL and the rates given: z and p_value when no row or every row converted, "
                        + "the interval when each arm converted entirely or not at all. An arm without conversions is an ordinary input (ClickHouse's proportionsZTest "
                        + "answers NaN there). z is pooled, as Pearson's χ² without continuity correction; the interval is unpooled.",
                List.of(Overload.aggregate(List.of(CONVERTED, VARIANT, CONTROL_ARM),
                                "Computes the two-proportion z-test of a treatment's conversion rate against the control's: "
                                        + "ROW(rate_control, rate_treatment, difference, z, p_value, lower, upper), two-sided, with the 95 % interval of the difference",
                                Z_FORMULA,
                                ProportionTestAccumulator::new,
                                new Example("ClickHouse 02158: 10 of 100 against 11 of 101", conversions(10, 100, CONTROL, 11, 101, TREATMENT), clickhouse),
                                new Example("no conversions in the control (ClickHouse: NaN)", conversions(0, 100, CONTROL, 10, 100, TREATMENT),
                                        zTest(0.0, 10.0, 10.0, 3.244428422615251, 0.0011768659106247378, 4.120108046379838, 15.879891953620163)),
                                new Example("no conversions at all: z, p_value and the interval NULL", conversions(0, 5, "a", 0, 6, "b"),
                                        zTest(0.0, 0.0, 0.0, null, null, null, null)),
                                new Example("BIGINT variants, 2 is the control", conversions(2, 4, 2L, 1, 5, 1L),
                                        zTest(50.0, 20.0, -30.0, -0.9486832980505138, 0.34278171114791145, -90.2509633579078, 30.250963357907807)),
                                new Example("only the control: NULL", conversions(3, 10, CONTROL, 0, 0, TREATMENT), null),
                                Example.invalid("a third variant", List.of(row(true, "b", "a"), row(false, "a", "a"), row(true, "c", "a")),
                                        "two_proportion_z_test: variant has more than two values: 'a', 'b' and 'c'; a test compares one treatment with the control"),
                                Example.invalid("two controls in one group", List.of(row(true, "b", "a"), row(false, "a", "b")),
                                        "two_proportion_z_test: control must be constant within a group, got 'a' and 'b'")),
                        Overload.aggregate(List.of(CONVERTED, VARIANT, CONTROL_ARM, CONFIDENCE),
                                "Computes the two-proportion z-test of a treatment's conversion rate against the control's, with the interval of the difference at the given two-sided confidence level",
                                Z_FORMULA,
                                ProportionTestAccumulator::new,
                                new Example("12 of 80 against 20 of 85 at 90 %", conversions(12, 80, CONTROL, 20, 85, TREATMENT, 0.9),
                                        zTest(15.0, 23.52941176470588, 8.529411764705882, 1.3848881515821945, 0.16608667052855175, -1.4901407478629003, 18.548964277274667)),
                                Example.invalid("a confidence of 95", List.of(row(true, "b", "a", 95.0)), "two_proportion_z_test: confidence 95 is outside the open interval 0..1")),
                        Overload.aggregate(List.of(CONVERTED, VARIANT, CONTROL_ARM, CONFIDENCE, ALTERNATIVE),
                                "Computes the two-proportion z-test of a treatment's conversion rate against the control's with a one- or two-sided p-value ('two-sided', 'greater', 'less')",
                                Z_FORMULA + "; p = 2·Φ(−|z|), Φ(−z) for 'greater', Φ(z) for 'less'",
                                ProportionTestAccumulator::new,
                                new Example("greater: 12 of 80 against 20 of 85", conversions(12, 80, CONTROL, 20, 85, TREATMENT, 0.95, "greater"),
                                        zTest(15.0, 23.52941176470588, 8.529411764705882, 1.3848881515821945, 0.08304333526427587, -3.4096214380472945, 20.46844496745906)),
                                new Example("less at 80 %, BOOLEAN variants", conversions(3, 10, false, 7, 10, true, 0.8, "LESS"),
                                        zTest(30.0, 70.0, 40.0, 1.7888543819998317, 0.9631808649398487, 13.736008407652067, 66.26399159234792)),
                                Example.invalid("an unknown alternative", List.of(row(true, "b", "a", 0.95, "bigger")),
                                        "two_proportion_z_test: alternative 'bigger' is not 'two-sided', 'greater' or 'less'"))),
                Z_FIELDS);
    }

    private static KpiFunction twoProportionZTestFromCounts()
    {
        List<Argument> counts = List.of(
                new Argument("successes_control", ArgType.COUNT, "conversions in the control"),
                new Argument("trials_control", ArgType.COUNT, "rows (users, visits) in the control"),
                new Argument("successes_treatment", ArgType.COUNT, "conversions in the treatment"),
                new Argument("trials_treatment", ArgType.COUNT, "rows in the treatment"));
        List<Argument> withConfidence = new ArrayList<>(counts);
        withConfidence.add(CONFIDENCE);
        List<Argument> withAlternative = new ArrayList<>(withConfidence);
        withAlternative.add(ALTERNATIVE);
        return new KpiFunction("two_proportion_z_test_from_counts", Kind.SCALAR, SqlType.ROW, "rates, difference and interval in percent (points); p_value a probability",
                "Returns NULL for any NULL argument and when an arm has no trials. Negative counts, successes above trials, a confidence outside the open interval 0..1 "
                        + "or an unknown alternative fail the query. A standard error of 0 leaves its fields NULL, as in two_proportion_z_test.",
                List.of(Overload.scalar(counts,
                                "Computes the two-proportion z-test from the conversions and trials of the control and the treatment: "
                                        + "ROW(rate_control, rate_treatment, difference, z, p_value, lower, upper)",
                                Z_FORMULA,
                                arguments -> ProportionTest.fromCounts(Values.asLong(arguments[0]), Values.asLong(arguments[1]), Values.asLong(arguments[2]), Values.asLong(arguments[3])),
                                new Example("no conversions in the control (ClickHouse: NaN)", List.of(row(0L, 100L, 10L, 100L)),
                                        zTest(0.0, 10.0, 10.0, 3.244428422615251, 0.0011768659106247378, 4.120108046379838, 15.879891953620163)),
                                new Example("ClickHouse 02158: 10 of 100 against 11 of 101", List.of(row(10L, 100L, 11L, 101L)),
                                        zTest(10.0, 10.891089108910892, 0.8910891089108905, 0.20650660711849586, 0.8363952042359349, -7.563797172293501, 9.345975390115283)),
                                new Example("a control without trials: NULL", List.of(row(0L, 0L, 5L, 10L)), null),
                                Example.invalid("more conversions than trials", List.of(row(11L, 10L, 5L, 10L)),
                                        "two_proportion_z_test_from_counts: successes_control 11 exceed trials_control 10"),
                                Example.invalid("a negative count", List.of(row(1L, 10L, -5L, 10L)), "two_proportion_z_test_from_counts: successes_treatment -5 is negative")),
                        Overload.scalar(withConfidence,
                                "Computes the two-proportion z-test from counts with the interval of the difference at the given two-sided confidence level",
                                Z_FORMULA,
                                arguments -> ProportionTest.fromCounts(Values.asLong(arguments[0]), Values.asLong(arguments[1]), Values.asLong(arguments[2]), Values.asLong(arguments[3]),
                                        Values.asDouble(arguments[4]), Alternative.TWO_SIDED),
                                new Example("no conversions in the control at 90 %", List.of(row(0L, 100L, 10L, 100L, 0.9)),
                                        zTest(0.0, 10.0, 10.0, 3.244428422615251, 0.0011768659106247378, 5.065439119145582, 14.93456088085442)),
                                new Example("45 of 300 against 60 of 310 at 90 %", List.of(row(45L, 300L, 60L, 310L, 0.9)),
                                        zTest(15.0, 19.35483870967742, 4.354838709677419, 1.4244202130611907, 0.1543248664337904, -0.6572647622927009, 9.36694218164754)),
                                Example.invalid("a confidence of 1.5", List.of(row(45L, 300L, 60L, 310L, 1.5)), "two_proportion_z_test_from_counts: confidence 1.5 is outside the open interval 0..1")),
                        Overload.scalar(withAlternative,
                                "Computes the two-proportion z-test from counts with a one- or two-sided p-value ('two-sided', 'greater', 'less')",
                                Z_FORMULA + "; p = 2·Φ(−|z|), Φ(−z) for 'greater', Φ(z) for 'less'",
                                arguments -> ProportionTest.fromCounts(Values.asLong(arguments[0]), Values.asLong(arguments[1]), Values.asLong(arguments[2]), Values.asLong(arguments[3]),
                                        Values.asDouble(arguments[4]), Alternative.parse(ProportionTest.FROM_COUNTS, (String) arguments[5])),
                                new Example("greater: no conversions in the control", List.of(row(0L, 100L, 10L, 100L, 0.95, "greater")),
                                        zTest(0.0, 10.0, 10.0, 3.244428422615251, 0.0005884329553123689, 4.120108046379838, 15.879891953620163)),
                                new Example("greater: 45 of 300 against 60 of 310", List.of(row(45L, 300L, 60L, 310L, 0.95, "greater")),
                                        zTest(15.0, 19.35483870967742, 4.354838709677419, 1.4244202130611907, 0.0771624332168952, -1.617450940226739, 10.327128359581577)),
                                Example.invalid("an unknown alternative", List.of(row(45L, 300L, 60L, 310L, 0.95, "one-sided")),
                                        "two_proportion_z_test_from_counts: alternative 'one-sided' is not 'two-sided', 'greater' or 'less'"))),
                Z_FIELDS);
    }

    // ---- two means ---------------------------------------------------------------------------------

    private static final List<RowField> T_FIELDS = List.of(
            new RowField("mean_control", DOUBLE, "mean value of the control, in the value's unit"),
            new RowField("mean_treatment", DOUBLE, "mean value of the treatment"),
            new RowField("difference", DOUBLE, "mean_treatment − mean_control"),
            new RowField("t", DOUBLE, "Welch's t statistic; NULL when both arms are constant"),
            new RowField("df", DOUBLE, "Welch–Satterthwaite degrees of freedom, not rounded"),
            new RowField("p_value", DOUBLE, "probability 0..1 from Student's t with df degrees of freedom"),
            new RowField("lower", DOUBLE, "lower bound of the interval of the difference"),
            new RowField("upper", DOUBLE, "upper bound of the interval of the difference"));

    private static final String T_FORMULA = "t = (m_t − m_c) / √(s_c²/n_c + s_t²/n_t), df = (s_c²/n_c + s_t²/n_t)² / ((s_c²/n_c)²/(n_c − 1) + (s_t²/n_t)²/(n_t − 1)); "
            + "interval (m_t − m_c) ± t_df((1 + confidence)/2)·SE";

    private static Map<String, Object> tTest(double meanControl, double meanTreatment, double difference, Double t, Double df, Double pValue, Double lower, Double upper)
    {
        return Rows.of("mean_control", meanControl, "mean_treatment", meanTreatment, "difference", difference, "t", t, "df", df, "p_value", pValue, "lower", lower, "upper", upper);
    }

    /** Rows of (value, variant, control, parameters…) for each arm's values. */
    private static List<List<Object>> measured(double[] controlValues, Object control, double[] treatmentValues, Object treatment, Object... parameters)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (double value : controlValues) {
            rows.add(withParameters(row(value, control, control), parameters));
        }
        for (double value : treatmentValues) {
            rows.add(withParameters(row(value, treatment, control), parameters));
        }
        return rows;
    }

    private static KpiFunction welchTTest()
    {
        double[] docsControl = {18.9, 20.3, 19.0};
        double[] docsTreatment = {20.3, 22.1, 21.9};
        Map<String, Object> docs = tTest(19.4, 21.433333333333334, 2.0333333333333337, 2.7988719532208535, 3.799904002425204, 0.05180736034859952,
                -0.026294346671838387, 4.092961013338506);
        return new KpiFunction("welch_t_test", Kind.AGGREGATE, SqlType.ROW, "means, difference and interval in the value's unit; p_value a probability",
                VARIANT_NOTES + "Fewer than two rows in an arm returns NULL. When both arms are constant the standard error is 0: t, df, p_value and the interval are NULL "
                        + "and the means given. value may be negative; NaN or ±Infinity fails the query. Means and variances are kept by Welford's update and Chan's merge, "
                        + "the mean in double-double precision, so values with a large common offset (1e9) keep their digits.",
                List.of(Overload.aggregate(List.of(VALUE, VARIANT, CONTROL_ARM),
                                "Computes Welch's unequal-variance t-test of the treatment's mean against the control's: "
                                        + "ROW(mean_control, mean_treatment, difference, t, df, p_value, lower, upper), two-sided, with the 95 % interval of the difference",
                                T_FORMULA,
                                WelchTestAccumulator::new,
                                new Example("ClickHouse docs: (20.3, 22.1, 21.9) against (18.9, 20.3, 19)", measured(docsControl, CONTROL, docsTreatment, TREATMENT), docs),
                                new Example("values near 1e9 keep their digits", measured(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3}, CONTROL, new double[] {1e9 + 2, 1e9 + 4, 1e9 + 6, 1e9 + 8}, TREATMENT),
                                        tTest(1000000002.0, 1000000005.0, 3.0, 2.1213203435596424, 4.0754716981132075, 0.09991286431180088, -0.8979754510831284, 6.897975451083129)),
                                new Example("negative values, BIGINT variants", measured(new double[] {-3.5, -1.0, 2.0, -6.25}, 0L, new double[] {1.5, 4.0, -2.0, 6.5, 0.0}, 1L),
                                        tTest(-2.1875, 2.0, 4.1875, 1.8150584303359325, 6.386322480447088, 0.11645302216517425, -1.3759870547094266, 9.750987054709427)),
                                new Example("both arms constant: t, df, p_value and the interval NULL", measured(new double[] {5.0, 5.0, 5.0}, "a", new double[] {7.0, 7.0}, "b"),
                                        tTest(5.0, 7.0, 2.0, null, null, null, null, null)),
                                new Example("one row in the treatment: NULL", measured(new double[] {1.0, 2.0}, "a", new double[] {3.0}, "b"), null),
                                Example.invalid("a NaN value", List.of(row(1.0, "a", "a"), row(Double.NaN, "b", "a")), "welch_t_test: value NaN is not a finite number"),
                                Example.invalid("a third variant", List.of(row(1.0, 3L, 1L), row(2.0, 1L, 1L), row(3.0, 2L, 1L)),
                                        "welch_t_test: variant has more than two values: 1, 2 and 3; a test compares one treatment with the control")),
                        Overload.aggregate(List.of(VALUE, VARIANT, CONTROL_ARM, CONFIDENCE),
                                "Computes Welch's unequal-variance t-test of the treatment's mean against the control's, with the interval of the difference at the given two-sided confidence level",
                                T_FORMULA,
                                WelchTestAccumulator::new,
                                new Example("ClickHouse 01322: Rosetta Code data at 90 %",
                                        measured(new double[] {29.89, 29.93, 29.72, 29.98, 30.02, 29.98}, CONTROL, new double[] {30.02, 29.99, 30.11, 29.97, 30.01, 29.99}, TREATMENT, 0.9),
                                        tTest(29.92, 30.015, 0.09499999999999946, 1.9590058081080823, 7.03055995988432, 0.09077332428566941, 0.003184379474832244, 0.18681562052516668)),
                                Example.invalid("a confidence of 0", List.of(row(1.0, "a", "a", 0.0)), "welch_t_test: confidence 0 is outside the open interval 0..1")),
                        Overload.aggregate(List.of(VALUE, VARIANT, CONTROL_ARM, CONFIDENCE, ALTERNATIVE),
                                "Computes Welch's unequal-variance t-test of the treatment's mean against the control's with a one- or two-sided p-value ('two-sided', 'greater', 'less')",
                                T_FORMULA + "; p = 2·S_df(|t|), S_df(t) for 'greater', S_df(−t) for 'less'",
                                WelchTestAccumulator::new,
                                new Example("greater: ClickHouse docs data", measured(docsControl, CONTROL, docsTreatment, TREATMENT, 0.95, "greater"),
                                        tTest(19.4, 21.433333333333334, 2.0333333333333337, 2.7988719532208535, 3.799904002425204, 0.02590368017429976, -0.026294346671838387, 4.092961013338506)),
                                Example.invalid("two alternatives in one group", List.of(row(1.0, "a", "a", 0.95, "greater"), row(2.0, "b", "a", 0.95, "less")),
                                        "welch_t_test: alternative must be constant within a group, got 'greater' and 'less'"))),
                T_FIELDS);
    }

    private static KpiFunction welchTTestFromStats()
    {
        List<Argument> stats = List.of(
                new Argument("mean_control", ArgType.MEASURE, "mean of the control"),
                new Argument("variance_control", ArgType.NUMBER, "sample variance (n − 1 denominator) of the control, ≥ 0"),
                new Argument("n_control", ArgType.COUNT, "rows in the control"),
                new Argument("mean_treatment", ArgType.MEASURE, "mean of the treatment"),
                new Argument("variance_treatment", ArgType.NUMBER, "sample variance of the treatment, ≥ 0"),
                new Argument("n_treatment", ArgType.COUNT, "rows in the treatment"));
        List<Argument> withConfidence = new ArrayList<>(stats);
        withConfidence.add(CONFIDENCE);
        List<Argument> withAlternative = new ArrayList<>(withConfidence);
        withAlternative.add(ALTERNATIVE);
        return new KpiFunction("welch_t_test_from_stats", Kind.SCALAR, SqlType.ROW, "means, difference and interval in the value's unit; p_value a probability",
                "Returns NULL for any NULL argument and when an arm has fewer than 2 rows. A negative variance or count, NaN or ±Infinity, a confidence outside the open "
                        + "interval 0..1 or an unknown alternative fail the query. Both variances 0 leave t, df, p_value and the interval NULL, as in welch_t_test.",
                List.of(Overload.scalar(stats,
                                "Computes Welch's unequal-variance t-test from the mean, sample variance and size of the control and the treatment: "
                                        + "ROW(mean_control, mean_treatment, difference, t, df, p_value, lower, upper)",
                                T_FORMULA,
                                arguments -> WelchTest.fromStats(Values.asDouble(arguments[0]), Values.asDouble(arguments[1]), Values.asLong(arguments[2]),
                                        Values.asDouble(arguments[3]), Values.asDouble(arguments[4]), Values.asLong(arguments[5])),
                                new Example("revenue summaries of 5,000 and 5,100 users", List.of(row(12.5, 400.0, 5000L, 13.1, 420.5, 5100L)),
                                        tTest(12.5, 13.1, 0.5999999999999996, 1.4886413631316817, 10097.728550215174, 0.13661306186191025, -0.19006226426820838, 1.3900622642682077)),
                                new Example("one row in the control: NULL", List.of(row(1.0, 0.5, 1L, 2.0, 0.5, 10L)), null),
                                Example.invalid("a negative variance", List.of(row(1.0, -0.5, 10L, 2.0, 0.5, 10L)), "welch_t_test_from_stats: variance_control -0.5 is negative")),
                        Overload.scalar(withConfidence,
                                "Computes Welch's unequal-variance t-test from summary statistics with the interval of the difference at the given two-sided confidence level",
                                T_FORMULA,
                                arguments -> WelchTest.fromStats(Values.asDouble(arguments[0]), Values.asDouble(arguments[1]), Values.asLong(arguments[2]),
                                        Values.asDouble(arguments[3]), Values.asDouble(arguments[4]), Values.asLong(arguments[5]), Values.asDouble(arguments[6]), Alternative.TWO_SIDED),
                                new Example("small arms at 90 %", List.of(row(20.0, 1.5, 3L, 21.5, 2.25, 4L, 0.9)),
                                        tTest(20.0, 21.5, 1.5, 1.4552137502179978, 4.898305084745763, 0.20654463380203558, -0.5866280254482543, 3.5866280254482543)),
                                Example.invalid("a confidence of 1", List.of(row(20.0, 1.5, 3L, 21.5, 2.25, 4L, 1.0)), "welch_t_test_from_stats: confidence 1 is outside the open interval 0..1")),
                        Overload.scalar(withAlternative,
                                "Computes Welch's unequal-variance t-test from summary statistics with a one- or two-sided p-value ('two-sided', 'greater', 'less')",
                                T_FORMULA + "; p = 2·S_df(|t|), S_df(t) for 'greater', S_df(−t) for 'less'",
                                arguments -> WelchTest.fromStats(Values.asDouble(arguments[0]), Values.asDouble(arguments[1]), Values.asLong(arguments[2]),
                                        Values.asDouble(arguments[3]), Values.asDouble(arguments[4]), Values.asLong(arguments[5]), Values.asDouble(arguments[6]),
                                        Alternative.parse(WelchTest.FROM_STATS, (String) arguments[7])),
                                new Example("greater: small arms", List.of(row(20.0, 1.5, 3L, 21.5, 2.25, 4L, 0.95, "greater")),
                                        tTest(20.0, 21.5, 1.5, 1.4552137502179978, 4.898305084745763, 0.10327231690101779, -1.1663269582333369, 4.166326958233337)),
                                Example.invalid("an unknown alternative", List.of(row(20.0, 1.5, 3L, 21.5, 2.25, 4L, 0.95, "both")),
                                        "welch_t_test_from_stats: alternative 'both' is not 'two-sided', 'greater' or 'less'"))),
                T_FIELDS);
    }

    // ---- two NPS --------------------------------------------------------------------------------------

    private static Map<String, Object> npsTest(double npsControl, double npsTreatment, double difference, Double z, Double pValue, Double lower, Double upper)
    {
        return Rows.of("nps_control", npsControl, "nps_treatment", npsTreatment, "difference", difference, "z", z, "p_value", pValue, "lower", lower, "upper", upper);
    }

    private static List<List<Object>> answers(long[] controlScores, Object control, long[] treatmentScores, Object treatment, Object... parameters)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (long score : controlScores) {
            rows.add(withParameters(row(score, control, control), parameters));
        }
        for (long score : treatmentScores) {
            rows.add(withParameters(row(score, treatment, control), parameters));
        }
        return rows;
    }

    private static KpiFunction npsDifferenceTest()
    {
        long[] control = {9, 10, 3, 7, 8, 6};
        long[] treatment = {10, 10, 9, 7, 2};
        String formula = "difference = NPS_t − NPS_c; SE = 100·√(var_c/n_c + var_t/n_t), var = p⁺ + p⁻ − (p⁺ − p⁻)²; z = difference / SE; interval difference ± z_conf·SE";
        return new KpiFunction("nps_difference_test", Kind.AGGREGATE, SqlType.ROW, "NPS, difference and interval in NPS points; p_value a probability",
                VARIANT_NOTES + "Fewer than two answers in an arm returns NULL, as nps_margin_of_error does. When every answer of each arm is in one category the standard "
                        + "error is 0: z, p_value and the interval are NULL and the scores given. Scores as for nps: whole numbers 0..10, else the query fails.",
                List.of(Overload.aggregate(List.of(SCORE, VARIANT, CONTROL_ARM),
                                "Computes the z-test of the difference of two Net Promoter Scores, treatment − control: "
                                        + "ROW(nps_control, nps_treatment, difference, z, p_value, lower, upper), two-sided, with the 95 % interval in NPS points",
                                formula,
                                NpsDifferenceAccumulator::new,
                                new Example("six and five answers", answers(control, CONTROL, treatment, TREATMENT),
                                        npsTest(0.0, 40.0, 40.0, 0.8180128247238179, 0.4133498643030925, -55.84025703762228, 135.84025703762228)),
                                new Example("two answers each", answers(new long[] {9, 3}, "a", new long[] {10, 7}, "b"),
                                        npsTest(0.0, 50.0, 50.0, 0.6324555320336758, 0.5270892568655381, -104.9487580761404, 204.9487580761404)),
                                new Example("every answer a promoter: z, p_value and the interval NULL", answers(new long[] {9, 10, 10}, "a", new long[] {10, 9}, "b"),
                                        npsTest(100.0, 100.0, 0.0, null, null, null, null)),
                                new Example("one answer in the control: NULL", answers(new long[] {9}, "a", new long[] {9, 10, 3}, "b"), null),
                                Example.invalid("a score above 10", List.of(row(9L, "a", "a"), row(11L, "b", "a")), "nps_difference_test: score 11 is outside 0..10")),
                        Overload.aggregate(List.of(SCORE, VARIANT, CONTROL_ARM, CONFIDENCE),
                                "Computes the z-test of the difference of two Net Promoter Scores with the interval at the given two-sided confidence level",
                                formula,
                                NpsDifferenceAccumulator::new,
                                new Example("six and five answers at 90 %", answers(control, CONTROL, treatment, TREATMENT, 0.9),
                                        npsTest(0.0, 40.0, 40.0, 0.8180128247238179, 0.4133498643030925, -40.431679173578615, 120.43167917357862)),
                                Example.invalid("a negative confidence", List.of(row(9L, "a", "a", -0.9)), "nps_difference_test: confidence -0.9 is outside the open interval 0..1")),
                        Overload.aggregate(List.of(SCORE, VARIANT, CONTROL_ARM, CONFIDENCE, ALTERNATIVE),
                                "Computes the z-test of the difference of two Net Promoter Scores with a one- or two-sided p-value ('two-sided', 'greater', 'less')",
                                formula + "; p = 2·Φ(−|z|), Φ(−z) for 'greater', Φ(z) for 'less'",
                                NpsDifferenceAccumulator::new,
                                new Example("greater: six and five answers", answers(control, CONTROL, treatment, TREATMENT, 0.95, "greater"),
                                        npsTest(0.0, 40.0, 40.0, 0.8180128247238179, 0.20667493215154625, -55.84025703762228, 135.84025703762228)),
                                Example.invalid("an unknown alternative", List.of(row(9L, "a", "a", 0.95, "up")),
                                        "nps_difference_test: alternative 'up' is not 'two-sided', 'greater' or 'less'"))),
                List.of(new RowField("nps_control", DOUBLE, "Net Promoter Score of the control, −100..100"),
                        new RowField("nps_treatment", DOUBLE, "Net Promoter Score of the treatment, −100..100"),
                        new RowField("difference", DOUBLE, "nps_treatment − nps_control, NPS points"),
                        new RowField("z", DOUBLE, "difference over its standard error; NULL when it is 0"),
                        new RowField("p_value", DOUBLE, "probability 0..1 from the standard normal"),
                        new RowField("lower", DOUBLE, "lower bound of the interval of the difference, NPS points"),
                        new RowField("upper", DOUBLE, "upper bound of the interval of the difference, NPS points")));
    }

    // ---- sample ratio mismatch -----------------------------------------------------------------------

    private static KpiFunction srmTest()
    {
        Argument variant = new Argument("variant", ArgType.VARIANT, "the row's arm of the experiment; one row per unit assigned (user, session)");
        Argument share = new Argument("expected_share", ArgType.NUMBER, "the planned share 0 < share ≤ 1 of the row's variant, the same in every row of a variant");
        List<List<Object>> sixtyForty = new ArrayList<>(repeat(60, row(CONTROL, 0.5)));
        sixtyForty.addAll(repeat(40, row(TREATMENT, 0.5)));
        List<List<Object>> three = new ArrayList<>(repeat(6, row(1L, 0.5)));
        three.addAll(repeat(2, row(2L, 0.25)));
        three.addAll(repeat(4, row(3L, 0.25)));
        return new KpiFunction("srm_test", Kind.AGGREGATE, SqlType.ROW, "variants a count; chi_square; p_value a probability",
                "A row in which any argument is NULL is skipped; fewer than two variants return NULL. expected_share must be finite, above 0 and at most 1, "
                        + "and the same in every row of a variant; the shares of the variants seen must sum to 1 (±1e-9), else the query fails naming each share. "
                        + "A planned variant without a single row cannot be seen, so its share is missing from the sum. Variants are VARCHAR, BIGINT or BOOLEAN, "
                        + "any number of them; they are summed in sorted order. A p-value below 0.001 is the usual alarm (GrowthBook's default threshold).",
                List.of(Overload.aggregate(List.of(variant, share),
                        "Computes the sample-ratio-mismatch check of an experiment: Pearson's χ² of the rows per variant against their planned shares, ROW(variants, chi_square, p_value)",
                        "χ² = Σ (o_i − N·w_i)² / (N·w_i), df = variants − 1, p = P(χ²_df ≥ χ²)",
                        SrmAccumulator::new,
                        new Example("60 and 40 planned 50/50", sixtyForty, Rows.of("variants", 2L, "chi_square", 4.0, "p_value", 0.04550026389635857)),
                        new Example("three BIGINT variants planned 50/25/25", three, Rows.of("variants", 3L, "chi_square", 0.6666666666666666, "p_value", 0.7165313105737892)),
                        new Example("one variant: NULL", repeat(3, row("a", 0.5)), null),
                        Example.invalid("shares that do not sum to 1", List.of(row("a", 0.5), row("b", 0.4)),
                                "srm_test: the expected shares of the variants seen sum to 0.9, not 1 ('a' 0.5, 'b' 0.4)"),
                        Example.invalid("two shares for one variant", List.of(row("a", 0.5), row("b", 0.5), row("b", 0.4)),
                                "srm_test: expected_share of variant 'b' must be constant, got 0.4 and 0.5"),
                        Example.invalid("a share of 0", List.of(row("a", 0.0)), "srm_test: expected_share 0 is outside 0 < expected_share ≤ 1"))),
                List.of(new RowField("variants", BIGINT, "the number of distinct variants seen"),
                        new RowField("chi_square", DOUBLE, "Pearson's χ² statistic"),
                        new RowField("p_value", DOUBLE, "probability 0..1 of a split this uneven under the plan")));
    }
}

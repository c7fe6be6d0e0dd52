package dev.kpisql.trino;

import dev.kpisql.trino.engagement.ApproxDauMauAggregation;
import dev.kpisql.trino.engagement.AvgSessionDurationAggregation;
import dev.kpisql.trino.engagement.BounceRateAggregation;
import dev.kpisql.trino.engagement.CartAbandonmentRateAggregation;
import dev.kpisql.trino.engagement.ClickThroughRateAggregation;
import dev.kpisql.trino.engagement.ConversionRateAggregation;
import dev.kpisql.trino.engagement.ConversionRateOfCountsAggregation;
import dev.kpisql.trino.engagement.DauMauAggregation;
import dev.kpisql.trino.engagement.EngagementRateAggregation;
import dev.kpisql.trino.engagement.FeatureAdoptionRateAggregation;
import dev.kpisql.trino.engagement.FirstContactResolutionRateAggregation;
import dev.kpisql.trino.engagement.OpenRateAggregation;
import dev.kpisql.trino.engagement.PagesPerSessionAggregation;
import dev.kpisql.trino.engagement.ReturnRateAggregation;
import dev.kpisql.trino.engagement.SessionsPerUserAggregation;
import dev.kpisql.trino.engagement.TimeToValueAggregation;
import dev.kpisql.trino.events.EventRetentionAggregation;
import dev.kpisql.trino.events.SequenceCountAggregation;
import dev.kpisql.trino.events.SequenceMatchAggregation;
import dev.kpisql.trino.events.SessionCountAggregation;
import dev.kpisql.trino.events.WindowFunnelAggregation;
import dev.kpisql.trino.events.WindowFunnelWithModeAggregation;
import dev.kpisql.trino.experiment.RateIntervalAggregation;
import dev.kpisql.trino.experiment.RateIntervalWithConfidenceAggregation;
import dev.kpisql.trino.experiment.RateIntervalFromCountsFunction;
import dev.kpisql.trino.experiment.TwoProportionZTestAggregation;
import dev.kpisql.trino.experiment.TwoProportionZTestWithConfidenceAggregation;
import dev.kpisql.trino.experiment.TwoProportionZTestWithAlternativeAggregation;
import dev.kpisql.trino.experiment.TwoProportionZTestFromCountsFunction;
import dev.kpisql.trino.experiment.WelchTTestAggregation;
import dev.kpisql.trino.experiment.WelchTTestWithConfidenceAggregation;
import dev.kpisql.trino.experiment.WelchTTestWithAlternativeAggregation;
import dev.kpisql.trino.experiment.WelchTTestFromStatsFunction;
import dev.kpisql.trino.experiment.NpsDifferenceTestAggregation;
import dev.kpisql.trino.experiment.NpsDifferenceTestWithConfidenceAggregation;
import dev.kpisql.trino.experiment.NpsDifferenceTestWithAlternativeAggregation;
import dev.kpisql.trino.experiment.SrmTestAggregation;
import dev.kpisql.trino.retention.ChurnRateAggregation;
import dev.kpisql.trino.retention.ChurnRateOfCustomersAggregation;
import dev.kpisql.trino.retention.RetentionRateAggregation;
import dev.kpisql.trino.retention.RetentionRateOfCustomersAggregation;
import dev.kpisql.trino.revenue.ArppuAggregation;
import dev.kpisql.trino.revenue.ArpuAggregation;
import dev.kpisql.trino.revenue.ArpuByUserAggregation;
import dev.kpisql.trino.revenue.ArrAggregation;
import dev.kpisql.trino.revenue.CacAggregation;
import dev.kpisql.trino.revenue.CacFromPartsAggregation;
import dev.kpisql.trino.revenue.ChurnedMrrAggregation;
import dev.kpisql.trino.revenue.ClvFunction;
import dev.kpisql.trino.revenue.ContractionMrrAggregation;
import dev.kpisql.trino.revenue.CostPerLeadAggregation;
import dev.kpisql.trino.revenue.CustomerRetentionCostAggregation;
import dev.kpisql.trino.revenue.ExpansionMrrAggregation;
import dev.kpisql.trino.revenue.GrossRevenueRetentionAggregation;
import dev.kpisql.trino.revenue.MarketShareAggregation;
import dev.kpisql.trino.revenue.MrrAggregation;
import dev.kpisql.trino.revenue.MrrByBillingPeriodAggregation;
import dev.kpisql.trino.revenue.MrrMovementFunction;
import dev.kpisql.trino.revenue.NetNewMrrAggregation;
import dev.kpisql.trino.revenue.NetRevenueRetentionAggregation;
import dev.kpisql.trino.revenue.NewMrrAggregation;
import dev.kpisql.trino.revenue.RomiAggregation;
import dev.kpisql.trino.revenue.SaasQuickRatioAggregation;
import dev.kpisql.trino.survey.CesAggregation;
import dev.kpisql.trino.survey.CesOnScaleAggregation;
import dev.kpisql.trino.survey.CsatAggregation;
import dev.kpisql.trino.survey.CsatOnScaleAggregation;
import dev.kpisql.trino.survey.NpsAggregation;
import dev.kpisql.trino.survey.NpsCategoryFunction;
import dev.kpisql.trino.survey.NpsMarginOfErrorAggregation;
import dev.kpisql.trino.survey.NpsMarginOfErrorWithConfidenceAggregation;
import com.google.common.collect.ImmutableSet;
import io.trino.spi.Plugin;

import java.util.Set;

/**
 * kpi-sql's functions for Trino (the line of this build: {@link TrinoLine}). This class is the registry: each class below is one
 * adapter that translates Trino's types and errors and calls the core in {@code udfs}, which
 * holds all validation and arithmetic. {@code TestKpiPlugin} checks that the functions
 * registered here are exactly those of {@link dev.kpisql.udfs.catalog.Catalog}.
 *
 * <h2>Adding a function</h2>
 * <ul>
 * <li><b>Aggregate over a primitive state</b> (the core has a {@code FooState} interface of
 * long/double/boolean getters and setters): declare
 * {@code public interface FooAggregationState extends AccumulatorState, FooState {}}. Trino's
 * state compiler walks {@code Class.getMethods()}, so the inherited accessors get grouped
 * storage and a serializer generated; nothing is redeclared. Then a {@code final} class
 * annotated {@code @AggregationFunction("foo")} and {@code @Description(<catalog text>)}, with a
 * private constructor and static methods: one {@code @InputFunction} per SQL signature (give
 * each its own method name, e.g. {@code bigintInput} and {@code doubleInput}), one
 * {@code @CombineFunction} and one {@code @OutputFunction}, each calling the core's kernel
 * inside {@code try/catch (KpiException e) -> throw KpiErrors.toTrino(e)}. See
 * {@link NpsAggregation}.</li>
 * <li><b>Overloads whose descriptions or states differ</b> (one class may hold only one state
 * type, and a class's description is shared by its overloads): one class per overload, all
 * with the same {@code @AggregationFunction} name. See {@link NpsMarginOfErrorAggregation} and
 * {@link NpsMarginOfErrorWithConfidenceAggregation}.</li>
 * <li><b>Aggregate over a kernel instance</b> ({@code CountRatio}, {@code CountIf}): the same,
 * with the states {@link dev.kpisql.trino.ratio.CountRatioAggregationState} and
 * {@link dev.kpisql.trino.ratio.CountIfAggregationState} and the kernel as a
 * {@code private static final} constant of the class, e.g.
 * {@code CountRatio.numeratorFirst("click_through_rate", "clicks", "impressions", 100)}.
 * Templates: {@code ratio.TemplateCountRatioAggregation} and
 * {@code ratio.TemplateCountIfAggregation} in the tests.</li>
 * <li><b>Aggregate over an object state</b> (sets of ids, sketches: the core's accumulator is an
 * object with {@code retainedBytes()} and a versioned binary form): a sub-interface of
 * {@link dev.kpisql.trino.state.KpiObjectState} annotated with
 * {@code @AccumulatorStateMetadata}, whose nested classes bind
 * {@link dev.kpisql.trino.state.SingleObjectState},
 * {@link dev.kpisql.trino.state.GroupedObjectState} and
 * {@link dev.kpisql.trino.state.ObjectStateSerializer} to an
 * {@link dev.kpisql.trino.state.ObjectCodec} of the core class. Input and combine functions
 * change {@code state.get()} in place, then call {@code state.changed()}. Template:
 * {@code state.TemplateDistinctState} and {@code state.TemplateCountDistinctAggregation} in the
 * tests. An id argument (VARCHAR or BIGINT) is two input methods, {@code varcharInput(…, Slice)}
 * and {@code bigintInput(…, long)}.</li>
 * <li><b>Scalar</b>: a {@code final} class with static {@code @ScalarFunction("foo")} methods,
 * one per SQL signature, named differently. See {@link NpsCategoryFunction}.</li>
 * <li><b>ROW result</b> (the catalog's {@code SqlType.ROW} with its fields): the output type is
 * the spelled row, {@code @OutputFunction("row(rate double, lower double, upper double)")}, and
 * the output method calls {@link KpiOutput#writeRow} with the core's map of field to value; a
 * scalar is {@code @SqlNullable @SqlType("row(…)")} returning {@link KpiOutput#rowValue}. The
 * spellings live in {@code experiment.ExperimentRows}; see
 * {@link dev.kpisql.trino.experiment.RateIntervalAggregation}.</li>
 * </ul>
 * Descriptions are compile-time constants copied from the catalog; {@code TestKpiPluginCatalog}
 * fails when one differs from the catalog's text, or when a signature, return type or function
 * is missing or extra.
 * A name is either a scalar or an aggregate in Trino, never both.
 */
public class KpiPlugin
        implements Plugin
{
    /** Trino creates the plugin once when it loads it: the place to say which Trino line this is. */
    public KpiPlugin()
    {
        TrinoLine.logAtLoad();
    }

    @Override
    public Set<Class<?>> getFunctions()
    {
        return ImmutableSet.<Class<?>>builder()
                // survey and satisfaction
                .add(NpsAggregation.class)
                .add(NpsMarginOfErrorAggregation.class)
                .add(NpsMarginOfErrorWithConfidenceAggregation.class)
                .add(NpsCategoryFunction.class)
                .add(CsatAggregation.class)
                .add(CsatOnScaleAggregation.class)
                .add(CesAggregation.class)
                .add(CesOnScaleAggregation.class)
                // retention and churn
                .add(ChurnRateAggregation.class)
                .add(ChurnRateOfCustomersAggregation.class)
                .add(RetentionRateOfCustomersAggregation.class)
                .add(RetentionRateAggregation.class)
                // revenue
                .add(MrrAggregation.class)
                .add(MrrByBillingPeriodAggregation.class)
                .add(ArrAggregation.class)
                .add(ArpuAggregation.class)
                .add(NewMrrAggregation.class)
                .add(ExpansionMrrAggregation.class)
                .add(ContractionMrrAggregation.class)
                .add(ChurnedMrrAggregation.class)
                .add(NetNewMrrAggregation.class)
                .add(NetRevenueRetentionAggregation.class)
                .add(GrossRevenueRetentionAggregation.class)
                .add(SaasQuickRatioAggregation.class)
                .add(MrrMovementFunction.class)
                .add(ClvFunction.class)
                .add(CacAggregation.class)
                .add(CacFromPartsAggregation.class)
                .add(CustomerRetentionCostAggregation.class)
                .add(CostPerLeadAggregation.class)
                .add(RomiAggregation.class)
                .add(MarketShareAggregation.class)
                .add(ArpuByUserAggregation.class)
                .add(ArppuAggregation.class)
                // engagement and growth
                .add(DauMauAggregation.class)
                .add(ApproxDauMauAggregation.class)
                .add(SessionsPerUserAggregation.class)
                .add(PagesPerSessionAggregation.class)
                .add(FeatureAdoptionRateAggregation.class)
                .add(AvgSessionDurationAggregation.class)
                .add(TimeToValueAggregation.class)
                .add(BounceRateAggregation.class)
                .add(ConversionRateAggregation.class)
                .add(ConversionRateOfCountsAggregation.class)
                .add(CartAbandonmentRateAggregation.class)
                .add(ReturnRateAggregation.class)
                .add(EngagementRateAggregation.class)
                .add(ClickThroughRateAggregation.class)
                .add(OpenRateAggregation.class)
                .add(FirstContactResolutionRateAggregation.class)
                // event sequences
                .add(WindowFunnelAggregation.class)
                .add(WindowFunnelWithModeAggregation.class)
                .add(EventRetentionAggregation.class)
                .add(SequenceMatchAggregation.class)
                .add(SequenceCountAggregation.class)
                .add(SessionCountAggregation.class)
                // experiments and uncertainty
                .add(RateIntervalAggregation.class)
                .add(RateIntervalWithConfidenceAggregation.class)
                .add(RateIntervalFromCountsFunction.class)
                .add(TwoProportionZTestAggregation.class)
                .add(TwoProportionZTestWithConfidenceAggregation.class)
                .add(TwoProportionZTestWithAlternativeAggregation.class)
                .add(TwoProportionZTestFromCountsFunction.class)
                .add(WelchTTestAggregation.class)
                .add(WelchTTestWithConfidenceAggregation.class)
                .add(WelchTTestWithAlternativeAggregation.class)
                .add(WelchTTestFromStatsFunction.class)
                .add(NpsDifferenceTestAggregation.class)
                .add(NpsDifferenceTestWithConfidenceAggregation.class)
                .add(NpsDifferenceTestWithAlternativeAggregation.class)
                .add(SrmTestAggregation.class)
                .build();
    }
}

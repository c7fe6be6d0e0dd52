package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.ProportionTestAccumulator;
import io.airlift.slice.Slice;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.function.AggregationFunction;
import io.trino.spi.function.AggregationState;
import io.trino.spi.function.CombineFunction;
import io.trino.spi.function.Description;
import io.trino.spi.function.InputFunction;
import io.trino.spi.function.OutputFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/**
 * {@code two_proportion_z_test(converted, variant, control, confidence, alternative)}: one input per variant type; the control has the variant's type. The p-value follows the row's alternative, the same in every row of a group.
 */
@AggregationFunction("two_proportion_z_test")
@Description(TwoProportionZTestWithAlternativeAggregation.DESCRIPTION)
public final class TwoProportionZTestWithAlternativeAggregation
{
    static final String DESCRIPTION = "Computes the two-proportion z-test of a treatment's conversion rate against the control's with a one- or two-sided p-value ('two-sided', 'greater', 'less')";

    private TwoProportionZTestWithAlternativeAggregation() {}

    @InputFunction
    public static void varcharInput(
            @AggregationState ProportionTestState state,
            @SqlType(StandardTypes.BOOLEAN) boolean converted,
            @SqlType(StandardTypes.VARCHAR) Slice variant,
            @SqlType(StandardTypes.VARCHAR) Slice control,
            @SqlType(StandardTypes.DOUBLE) double confidence,
            @SqlType(StandardTypes.VARCHAR) Slice alternative)
    {
        try {
            ProportionTestAccumulator test = state.get();
            test.confidence(confidence);
            test.alternative(alternative.byteArray(), alternative.byteArrayOffset(), alternative.length());
            test.add(converted, variant.byteArray(), variant.byteArrayOffset(), variant.length(), control.byteArray(), control.byteArrayOffset(), control.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintInput(
            @AggregationState ProportionTestState state,
            @SqlType(StandardTypes.BOOLEAN) boolean converted,
            @SqlType(StandardTypes.BIGINT) long variant,
            @SqlType(StandardTypes.BIGINT) long control,
            @SqlType(StandardTypes.DOUBLE) double confidence,
            @SqlType(StandardTypes.VARCHAR) Slice alternative)
    {
        try {
            ProportionTestAccumulator test = state.get();
            test.confidence(confidence);
            test.alternative(alternative.byteArray(), alternative.byteArrayOffset(), alternative.length());
            test.add(converted, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void booleanInput(
            @AggregationState ProportionTestState state,
            @SqlType(StandardTypes.BOOLEAN) boolean converted,
            @SqlType(StandardTypes.BOOLEAN) boolean variant,
            @SqlType(StandardTypes.BOOLEAN) boolean control,
            @SqlType(StandardTypes.DOUBLE) double confidence,
            @SqlType(StandardTypes.VARCHAR) Slice alternative)
    {
        try {
            ProportionTestAccumulator test = state.get();
            test.confidence(confidence);
            test.alternative(alternative.byteArray(), alternative.byteArrayOffset(), alternative.length());
            test.add(converted, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState ProportionTestState state, @AggregationState ProportionTestState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(ExperimentRows.Z_TEST)
    public static void output(@AggregationState ProportionTestState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeRow(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

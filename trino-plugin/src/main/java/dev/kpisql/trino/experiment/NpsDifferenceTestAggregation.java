package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.NpsDifferenceAccumulator;
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
 * {@code nps_difference_test(score, variant, control)}: one input per score type (BIGINT, DOUBLE) and variant type; the control has the variant's type.
 */
@AggregationFunction("nps_difference_test")
@Description(NpsDifferenceTestAggregation.DESCRIPTION)
public final class NpsDifferenceTestAggregation
{
    static final String DESCRIPTION = "Computes the z-test of the difference of two Net Promoter Scores, treatment − control: ROW(nps_control, nps_treatment, difference, z, p_value, lower, upper), two-sided, with the 95 % interval in NPS points";

    private NpsDifferenceTestAggregation() {}

    @InputFunction
    public static void bigintVarcharInput(
            @AggregationState NpsDifferenceState state,
            @SqlType(StandardTypes.BIGINT) long score,
            @SqlType(StandardTypes.VARCHAR) Slice variant,
            @SqlType(StandardTypes.VARCHAR) Slice control)
    {
        try {
            NpsDifferenceAccumulator test = state.get();
            test.add(score, variant.byteArray(), variant.byteArrayOffset(), variant.length(), control.byteArray(), control.byteArrayOffset(), control.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintBigintInput(
            @AggregationState NpsDifferenceState state,
            @SqlType(StandardTypes.BIGINT) long score,
            @SqlType(StandardTypes.BIGINT) long variant,
            @SqlType(StandardTypes.BIGINT) long control)
    {
        try {
            NpsDifferenceAccumulator test = state.get();
            test.add(score, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintBooleanInput(
            @AggregationState NpsDifferenceState state,
            @SqlType(StandardTypes.BIGINT) long score,
            @SqlType(StandardTypes.BOOLEAN) boolean variant,
            @SqlType(StandardTypes.BOOLEAN) boolean control)
    {
        try {
            NpsDifferenceAccumulator test = state.get();
            test.add(score, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleVarcharInput(
            @AggregationState NpsDifferenceState state,
            @SqlType(StandardTypes.DOUBLE) double score,
            @SqlType(StandardTypes.VARCHAR) Slice variant,
            @SqlType(StandardTypes.VARCHAR) Slice control)
    {
        try {
            NpsDifferenceAccumulator test = state.get();
            test.add(score, variant.byteArray(), variant.byteArrayOffset(), variant.length(), control.byteArray(), control.byteArrayOffset(), control.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleBigintInput(
            @AggregationState NpsDifferenceState state,
            @SqlType(StandardTypes.DOUBLE) double score,
            @SqlType(StandardTypes.BIGINT) long variant,
            @SqlType(StandardTypes.BIGINT) long control)
    {
        try {
            NpsDifferenceAccumulator test = state.get();
            test.add(score, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleBooleanInput(
            @AggregationState NpsDifferenceState state,
            @SqlType(StandardTypes.DOUBLE) double score,
            @SqlType(StandardTypes.BOOLEAN) boolean variant,
            @SqlType(StandardTypes.BOOLEAN) boolean control)
    {
        try {
            NpsDifferenceAccumulator test = state.get();
            test.add(score, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState NpsDifferenceState state, @AggregationState NpsDifferenceState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(ExperimentRows.NPS_TEST)
    public static void output(@AggregationState NpsDifferenceState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeRow(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

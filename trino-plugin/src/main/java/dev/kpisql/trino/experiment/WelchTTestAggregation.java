package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.WelchTestAccumulator;
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
 * {@code welch_t_test(value, variant, control)}: one input per variant type; the control has the variant's type.
 */
@AggregationFunction("welch_t_test")
@Description(WelchTTestAggregation.DESCRIPTION)
public final class WelchTTestAggregation
{
    static final String DESCRIPTION = "Computes Welch's unequal-variance t-test of the treatment's mean against the control's: ROW(mean_control, mean_treatment, difference, t, df, p_value, lower, upper), two-sided, with the 95 % interval of the difference";

    private WelchTTestAggregation() {}

    @InputFunction
    public static void varcharInput(
            @AggregationState WelchTestState state,
            @SqlType(StandardTypes.DOUBLE) double value,
            @SqlType(StandardTypes.VARCHAR) Slice variant,
            @SqlType(StandardTypes.VARCHAR) Slice control)
    {
        try {
            WelchTestAccumulator test = state.get();
            test.add(value, variant.byteArray(), variant.byteArrayOffset(), variant.length(), control.byteArray(), control.byteArrayOffset(), control.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintInput(
            @AggregationState WelchTestState state,
            @SqlType(StandardTypes.DOUBLE) double value,
            @SqlType(StandardTypes.BIGINT) long variant,
            @SqlType(StandardTypes.BIGINT) long control)
    {
        try {
            WelchTestAccumulator test = state.get();
            test.add(value, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void booleanInput(
            @AggregationState WelchTestState state,
            @SqlType(StandardTypes.DOUBLE) double value,
            @SqlType(StandardTypes.BOOLEAN) boolean variant,
            @SqlType(StandardTypes.BOOLEAN) boolean control)
    {
        try {
            WelchTestAccumulator test = state.get();
            test.add(value, variant, control);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState WelchTestState state, @AggregationState WelchTestState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(ExperimentRows.T_TEST)
    public static void output(@AggregationState WelchTestState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeRow(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

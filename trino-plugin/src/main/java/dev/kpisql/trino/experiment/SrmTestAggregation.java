package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.SrmAccumulator;
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
 * {@code srm_test(variant, expected_share)}: one input per variant type.
 */
@AggregationFunction("srm_test")
@Description(SrmTestAggregation.DESCRIPTION)
public final class SrmTestAggregation
{
    static final String DESCRIPTION = "Computes the sample-ratio-mismatch check of an experiment: Pearson's χ² of the rows per variant against their planned shares, ROW(variants, chi_square, p_value)";

    private SrmTestAggregation() {}

    @InputFunction
    public static void varcharInput(@AggregationState SrmState state, @SqlType(StandardTypes.VARCHAR) Slice variant, @SqlType(StandardTypes.DOUBLE) double expectedShare)
    {
        try {
            state.get().add(variant.byteArray(), variant.byteArrayOffset(), variant.length(), expectedShare);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintInput(@AggregationState SrmState state, @SqlType(StandardTypes.BIGINT) long variant, @SqlType(StandardTypes.DOUBLE) double expectedShare)
    {
        try {
            state.get().add(variant, expectedShare);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void booleanInput(@AggregationState SrmState state, @SqlType(StandardTypes.BOOLEAN) boolean variant, @SqlType(StandardTypes.DOUBLE) double expectedShare)
    {
        try {
            state.get().add(variant, expectedShare);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState SrmState state, @AggregationState SrmState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(ExperimentRows.SRM)
    public static void output(@AggregationState SrmState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeRow(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

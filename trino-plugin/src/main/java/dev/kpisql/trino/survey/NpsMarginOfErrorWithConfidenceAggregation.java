package dev.kpisql.trino.survey;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.survey.Nps;
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
 * {@code nps_margin_of_error(score, confidence)}: the confidence level travels in the state
 * (0 until the first row sets it), and the core rejects a level that changes within a group.
 */
@AggregationFunction("nps_margin_of_error")
@Description(NpsMarginOfErrorWithConfidenceAggregation.DESCRIPTION)
public final class NpsMarginOfErrorWithConfidenceAggregation
{
    static final String DESCRIPTION = "Returns the half-width of the confidence interval of the Net Promoter Score at the given two-sided confidence level, in NPS points";

    private NpsMarginOfErrorWithConfidenceAggregation() {}

    @InputFunction
    public static void bigintInput(
            @AggregationState NpsMarginAggregationState state,
            @SqlType(StandardTypes.BIGINT) long score,
            @SqlType(StandardTypes.DOUBLE) double confidence)
    {
        try {
            Nps.addWithConfidence(state, score, confidence);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleInput(
            @AggregationState NpsMarginAggregationState state,
            @SqlType(StandardTypes.DOUBLE) double score,
            @SqlType(StandardTypes.DOUBLE) double confidence)
    {
        try {
            Nps.addWithConfidence(state, score, confidence);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState NpsMarginAggregationState state, @AggregationState NpsMarginAggregationState otherState)
    {
        try {
            Nps.mergeWithConfidence(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState NpsMarginAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, Nps.marginOfErrorWithConfidence(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

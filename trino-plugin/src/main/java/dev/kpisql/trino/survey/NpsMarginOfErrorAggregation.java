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
 * {@code nps_margin_of_error(score)} at the 95 % level. Its two-argument overload has its own
 * class, {@link NpsMarginOfErrorWithConfidenceAggregation}, because it has another state and
 * description.
 */
@AggregationFunction("nps_margin_of_error")
@Description(NpsMarginOfErrorAggregation.DESCRIPTION)
public final class NpsMarginOfErrorAggregation
{
    static final String DESCRIPTION = "Returns the half-width of the 95 % confidence interval of the Net Promoter Score, in NPS points";

    private NpsMarginOfErrorAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState NpsAggregationState state, @SqlType(StandardTypes.BIGINT) long score)
    {
        try {
            Nps.add(state, Nps.MARGIN_OF_ERROR, score);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleInput(@AggregationState NpsAggregationState state, @SqlType(StandardTypes.DOUBLE) double score)
    {
        try {
            Nps.add(state, Nps.MARGIN_OF_ERROR, score);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState NpsAggregationState state, @AggregationState NpsAggregationState otherState)
    {
        try {
            Nps.merge(state, otherState, Nps.MARGIN_OF_ERROR);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState NpsAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, Nps.marginOfError(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

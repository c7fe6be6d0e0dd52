package dev.kpisql.trino.survey;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.survey.Csat;
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
 * {@code csat(score, scale_max)}: top-two-box satisfaction on a 1..scale_max scale.
 */
@AggregationFunction("csat")
@Description(CsatOnScaleAggregation.DESCRIPTION)
public final class CsatOnScaleAggregation
{
    static final String DESCRIPTION = "Returns the customer satisfaction score on a 1..scale_max scale: the percentage of answers in the top two boxes";

    private CsatOnScaleAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState CsatAggregationState state, @SqlType(StandardTypes.BIGINT) long score, @SqlType(StandardTypes.BIGINT) long scaleMax)
    {
        try {
            Csat.addOnScale(state, score, scaleMax);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleInput(@AggregationState CsatAggregationState state, @SqlType(StandardTypes.DOUBLE) double score, @SqlType(StandardTypes.BIGINT) long scaleMax)
    {
        try {
            Csat.addOnScale(state, score, scaleMax);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CsatAggregationState state, @AggregationState CsatAggregationState otherState)
    {
        try {
            Csat.mergeOnScale(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CsatAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, Csat.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

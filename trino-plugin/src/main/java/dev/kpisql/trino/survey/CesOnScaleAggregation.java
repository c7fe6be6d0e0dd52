package dev.kpisql.trino.survey;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.survey.Ces;
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
 * {@code ces(score, scale_max)}: the average effort score on a 1..scale_max scale.
 */
@AggregationFunction("ces")
@Description(CesOnScaleAggregation.DESCRIPTION)
public final class CesOnScaleAggregation
{
    static final String DESCRIPTION = "Returns the customer effort score on a 1..scale_max scale: the average answer";

    private CesOnScaleAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState CesAggregationState state, @SqlType(StandardTypes.BIGINT) long score, @SqlType(StandardTypes.BIGINT) long scaleMax)
    {
        try {
            Ces.addOnScale(state, score, scaleMax);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleInput(@AggregationState CesAggregationState state, @SqlType(StandardTypes.DOUBLE) double score, @SqlType(StandardTypes.BIGINT) long scaleMax)
    {
        try {
            Ces.addOnScale(state, score, scaleMax);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CesAggregationState state, @AggregationState CesAggregationState otherState)
    {
        try {
            Ces.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CesAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, Ces.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

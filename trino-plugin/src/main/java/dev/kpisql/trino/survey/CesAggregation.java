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
 * {@code ces(score)}: the average effort score on the 1..10 scale.
 */
@AggregationFunction("ces")
@Description(CesAggregation.DESCRIPTION)
public final class CesAggregation
{
    static final String DESCRIPTION = "Returns the customer effort score: the average of 1..10 effort answers";

    private CesAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState CesAggregationState state, @SqlType(StandardTypes.BIGINT) long score)
    {
        try {
            Ces.add(state, score);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleInput(@AggregationState CesAggregationState state, @SqlType(StandardTypes.DOUBLE) double score)
    {
        try {
            Ces.add(state, score);
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

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
 * {@code csat(score)}: top-two-box satisfaction on the 1..5 scale.
 */
@AggregationFunction("csat")
@Description(CsatAggregation.DESCRIPTION)
public final class CsatAggregation
{
    static final String DESCRIPTION = "Returns the customer satisfaction score: the percentage of 1..5 answers that are 4 or 5 (top-two-box)";

    private CsatAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState CsatAggregationState state, @SqlType(StandardTypes.BIGINT) long score)
    {
        try {
            Csat.add(state, score);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleInput(@AggregationState CsatAggregationState state, @SqlType(StandardTypes.DOUBLE) double score)
    {
        try {
            Csat.add(state, score);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CsatAggregationState state, @AggregationState CsatAggregationState otherState)
    {
        try {
            Csat.merge(state, otherState);
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

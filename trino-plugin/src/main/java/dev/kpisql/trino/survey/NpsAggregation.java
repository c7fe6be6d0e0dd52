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
 * {@code nps(score)} for BIGINT and DOUBLE scores: the template of an aggregate over a
 * primitive state. Trino skips rows with a NULL score before {@link #bigintInput} (the
 * parameters are primitives), and a group that saw no row keeps the all-zero state, for which
 * the core answers NULL.
 */
@AggregationFunction("nps")
@Description(NpsAggregation.DESCRIPTION)
public final class NpsAggregation
{
    static final String DESCRIPTION = "Returns the Net Promoter Score of 0..10 survey answers: the percentage of promoters (9–10) minus the percentage of detractors (0–6)";

    private NpsAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState NpsAggregationState state, @SqlType(StandardTypes.BIGINT) long score)
    {
        try {
            Nps.add(state, Nps.NPS, score);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void doubleInput(@AggregationState NpsAggregationState state, @SqlType(StandardTypes.DOUBLE) double score)
    {
        try {
            Nps.add(state, Nps.NPS, score);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState NpsAggregationState state, @AggregationState NpsAggregationState otherState)
    {
        try {
            Nps.merge(state, otherState, Nps.NPS);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState NpsAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, Nps.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.experiment.RateInterval;
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
 * {@code rate_interval(condition, confidence)}: the rows and TRUE rows in a primitive state, with the group's confidence level.
 */
@AggregationFunction("rate_interval")
@Description(RateIntervalWithConfidenceAggregation.DESCRIPTION)
public final class RateIntervalWithConfidenceAggregation
{
    static final String DESCRIPTION = "Returns the share of TRUE rows in percent with its Wilson score interval at the given two-sided confidence level";

    private RateIntervalWithConfidenceAggregation() {}

    @InputFunction
    public static void input(@AggregationState RateIntervalAggregationState state, @SqlType(StandardTypes.BOOLEAN) boolean condition, @SqlType(StandardTypes.DOUBLE) double confidence)
    {
        try {
            RateInterval.add(state, condition, confidence);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState RateIntervalAggregationState state, @AggregationState RateIntervalAggregationState otherState)
    {
        try {
            RateInterval.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(ExperimentRows.RATE)
    public static void output(@AggregationState RateIntervalAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeRow(out, RateInterval.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

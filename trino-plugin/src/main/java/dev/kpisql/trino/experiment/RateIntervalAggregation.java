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
 * {@code rate_interval(condition)}: the rows and TRUE rows in a primitive state.
 */
@AggregationFunction("rate_interval")
@Description(RateIntervalAggregation.DESCRIPTION)
public final class RateIntervalAggregation
{
    static final String DESCRIPTION = "Returns the share of TRUE rows in percent with its 95 % Wilson score interval: ROW(rate, lower, upper)";

    private RateIntervalAggregation() {}

    @InputFunction
    public static void input(@AggregationState RateIntervalAggregationState state, @SqlType(StandardTypes.BOOLEAN) boolean condition)
    {
        try {
            RateInterval.add(state, condition);
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

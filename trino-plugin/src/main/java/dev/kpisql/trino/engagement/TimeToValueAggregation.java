package dev.kpisql.trino.engagement;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.engagement.EngagementFunctions;
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
 * {@code time_to_value(started_at, value_at)}: the average duration in seconds. Short timestamps (precision up to 6) are epoch microseconds, the core's unit.
 */
@AggregationFunction("time_to_value")
@Description(TimeToValueAggregation.DESCRIPTION)
public final class TimeToValueAggregation
{
    static final String DESCRIPTION = "Returns the average time to value in seconds: from the start of a user's journey to the first value";

    private TimeToValueAggregation() {}

    @InputFunction
    public static void millisecondInput(@AggregationState DurationAggregationState state, @SqlType("timestamp(3)") long startedAt, @SqlType("timestamp(3)") long valueAt)
    {
        try {
            EngagementFunctions.TIME_TO_VALUE.add(state, startedAt, valueAt);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void microsecondInput(@AggregationState DurationAggregationState state, @SqlType("timestamp(6)") long startedAt, @SqlType("timestamp(6)") long valueAt)
    {
        try {
            EngagementFunctions.TIME_TO_VALUE.add(state, startedAt, valueAt);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState DurationAggregationState state, @AggregationState DurationAggregationState otherState)
    {
        try {
            EngagementFunctions.TIME_TO_VALUE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState DurationAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, EngagementFunctions.TIME_TO_VALUE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

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
 * {@code avg_session_duration(session_start, session_end)}: the average duration in seconds. Short timestamps (precision up to 6) are epoch microseconds, the core's unit.
 */
@AggregationFunction("avg_session_duration")
@Description(AvgSessionDurationAggregation.DESCRIPTION)
public final class AvgSessionDurationAggregation
{
    static final String DESCRIPTION = "Returns the average session duration in seconds";

    private AvgSessionDurationAggregation() {}

    @InputFunction
    public static void millisecondInput(@AggregationState DurationAggregationState state, @SqlType("timestamp(3)") long sessionStart, @SqlType("timestamp(3)") long sessionEnd)
    {
        try {
            EngagementFunctions.AVG_SESSION_DURATION.add(state, sessionStart, sessionEnd);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void microsecondInput(@AggregationState DurationAggregationState state, @SqlType("timestamp(6)") long sessionStart, @SqlType("timestamp(6)") long sessionEnd)
    {
        try {
            EngagementFunctions.AVG_SESSION_DURATION.add(state, sessionStart, sessionEnd);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState DurationAggregationState state, @AggregationState DurationAggregationState otherState)
    {
        try {
            EngagementFunctions.AVG_SESSION_DURATION.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState DurationAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, EngagementFunctions.AVG_SESSION_DURATION.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.engagement;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import io.airlift.slice.Slice;
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
 * {@code dau_mau(user_id, activity_date)}: exact stickiness from the core's compact id sets.
 */
@AggregationFunction("dau_mau")
@Description(DauMauAggregation.DESCRIPTION)
public final class DauMauAggregation
{
    static final String DESCRIPTION = "Returns stickiness (DAU/MAU): the average number of daily active users as a percentage of the distinct users of the group";

    private DauMauAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState DauMauState state, @SqlType(StandardTypes.BIGINT) long userId, @SqlType(StandardTypes.DATE) long activityDate)
    {
        try {
            state.get().addActivity(userId, Math.toIntExact(activityDate));
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void varcharInput(@AggregationState DauMauState state, @SqlType(StandardTypes.VARCHAR) Slice userId, @SqlType(StandardTypes.DATE) long activityDate)
    {
        try {
            state.get().addActivity(userId.byteArray(), userId.byteArrayOffset(), userId.length(), Math.toIntExact(activityDate));
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState DauMauState state, @AggregationState DauMauState otherState)
    {
        try {
            state.get().merge(otherState.get());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState DauMauState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

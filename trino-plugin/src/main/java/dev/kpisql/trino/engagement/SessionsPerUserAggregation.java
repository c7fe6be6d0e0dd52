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
 * {@code sessions_per_user(session_id, user_id)}: distinct sessions over distinct users.
 */
@AggregationFunction("sessions_per_user")
@Description(SessionsPerUserAggregation.DESCRIPTION)
public final class SessionsPerUserAggregation
{
    static final String DESCRIPTION = "Returns the number of sessions per user: distinct sessions over distinct users";

    private SessionsPerUserAggregation() {}

    @InputFunction
    public static void bigintBigintInput(@AggregationState SessionsPerUserState state, @SqlType(StandardTypes.BIGINT) long sessionId, @SqlType(StandardTypes.BIGINT) long userId)
    {
        try {
            state.get().addSessionOfUser(sessionId, userId);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void bigintVarcharInput(@AggregationState SessionsPerUserState state, @SqlType(StandardTypes.BIGINT) long sessionId, @SqlType(StandardTypes.VARCHAR) Slice userId)
    {
        try {
            state.get().addSessionOfUser(sessionId, userId.byteArray(), userId.byteArrayOffset(), userId.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void varcharBigintInput(@AggregationState SessionsPerUserState state, @SqlType(StandardTypes.VARCHAR) Slice sessionId, @SqlType(StandardTypes.BIGINT) long userId)
    {
        try {
            state.get().addSessionOfUser(sessionId.byteArray(), sessionId.byteArrayOffset(), sessionId.length(), userId);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void varcharVarcharInput(@AggregationState SessionsPerUserState state, @SqlType(StandardTypes.VARCHAR) Slice sessionId, @SqlType(StandardTypes.VARCHAR) Slice userId)
    {
        try {
            state.get().addSessionOfUser(sessionId.byteArray(), sessionId.byteArrayOffset(), sessionId.length(), userId.byteArray(), userId.byteArrayOffset(), userId.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState SessionsPerUserState state, @AggregationState SessionsPerUserState otherState)
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
    public static void output(@AggregationState SessionsPerUserState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

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
 * {@code pages_per_session(session_id)}: page views over distinct sessions.
 */
@AggregationFunction("pages_per_session")
@Description(PagesPerSessionAggregation.DESCRIPTION)
public final class PagesPerSessionAggregation
{
    static final String DESCRIPTION = "Returns the number of page views per session: rows over distinct sessions, each row being one page view";

    private PagesPerSessionAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState PagesPerSessionState state, @SqlType(StandardTypes.BIGINT) long sessionId)
    {
        try {
            state.get().addPageView(sessionId);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void varcharInput(@AggregationState PagesPerSessionState state, @SqlType(StandardTypes.VARCHAR) Slice sessionId)
    {
        try {
            state.get().addPageView(sessionId.byteArray(), sessionId.byteArrayOffset(), sessionId.length());
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState PagesPerSessionState state, @AggregationState PagesPerSessionState otherState)
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
    public static void output(@AggregationState PagesPerSessionState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

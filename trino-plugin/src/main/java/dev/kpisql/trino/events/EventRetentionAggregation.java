package dev.kpisql.trino.events;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.events.EventFunctions;
import dev.kpisql.udfs.events.EventRetention;
import io.trino.spi.block.ArrayBlockBuilder;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.function.AggregationFunction;
import io.trino.spi.function.AggregationState;
import io.trino.spi.function.CombineFunction;
import io.trino.spi.function.Description;
import io.trino.spi.function.InputFunction;
import io.trino.spi.function.OutputFunction;
import io.trino.spi.function.SqlType;

import static io.trino.spi.type.IntegerType.INTEGER;

/**
 * {@code retention(conditions)}: ClickHouse's retention array from one OR of the rows' condition
 * bits, a primitive state; the ARRAY(INTEGER) answer is written element by element.
 */
@AggregationFunction("retention")
@Description(EventRetentionAggregation.DESCRIPTION)
public final class EventRetentionAggregation
{
    static final String DESCRIPTION = EventFunctions.RETENTION_DESCRIPTION;

    private EventRetentionAggregation() {}

    @InputFunction
    public static void input(@AggregationState EventRetentionAggregationState state, @SqlType("array(boolean)") Block conditions)
    {
        try {
            EventRetention.add(state, EventArrays.bits(conditions), conditions.getPositionCount());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState EventRetentionAggregationState state, @AggregationState EventRetentionAggregationState otherState)
    {
        try {
            EventRetention.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction("array(integer)")
    public static void output(@AggregationState EventRetentionAggregationState state, BlockBuilder out)
    {
        int count = (int) state.getConditionCount();
        if (count == 0) {
            out.appendNull();
            return;
        }
        ((ArrayBlockBuilder) out).buildEntry(elements -> {
            for (int i = 0; i < count; i++) {
                INTEGER.writeLong(elements, EventRetention.element(state, i));
            }
        });
    }
}

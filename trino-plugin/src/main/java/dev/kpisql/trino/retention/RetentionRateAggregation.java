package dev.kpisql.trino.retention;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.retention.Retention;
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
 * {@code retention_rate(start_customers, end_customers, new_customers)}: 100 × (E − N) / S.
 */
@AggregationFunction("retention_rate")
@Description(RetentionRateAggregation.DESCRIPTION)
public final class RetentionRateAggregation
{
    static final String DESCRIPTION = "Returns the customer retention rate: customers at the end who were not acquired during the period, as a percentage of those at the start";

    private RetentionRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState RetentionAggregationState state, @SqlType(StandardTypes.BIGINT) long startCustomers, @SqlType(StandardTypes.BIGINT) long endCustomers, @SqlType(StandardTypes.BIGINT) long newCustomers)
    {
        try {
            Retention.add(state, startCustomers, endCustomers, newCustomers);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState RetentionAggregationState state, @AggregationState RetentionAggregationState otherState)
    {
        try {
            Retention.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState RetentionAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, Retention.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

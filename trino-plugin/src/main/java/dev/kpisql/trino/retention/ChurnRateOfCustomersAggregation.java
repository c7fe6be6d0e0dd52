package dev.kpisql.trino.retention;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.trino.ratio.CountIfAggregationState;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.retention.RetentionFunctions;
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
 * {@code churn_rate(churned)}: the core's {@link dev.kpisql.udfs.ratio.CountIf} share of rows.
 */
@AggregationFunction("churn_rate")
@Description(ChurnRateOfCustomersAggregation.DESCRIPTION)
public final class ChurnRateOfCustomersAggregation
{
    static final String DESCRIPTION = "Returns the customer churn rate from one row per customer active at the period's start: the percentage that churned";

    private ChurnRateOfCustomersAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountIfAggregationState state, @SqlType(StandardTypes.BOOLEAN) boolean churned)
    {
        try {
            RetentionFunctions.CHURN_RATE_OF_CUSTOMERS.add(state, churned);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountIfAggregationState state, @AggregationState CountIfAggregationState otherState)
    {
        try {
            RetentionFunctions.CHURN_RATE_OF_CUSTOMERS.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountIfAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, RetentionFunctions.CHURN_RATE_OF_CUSTOMERS.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.engagement;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.trino.KpiOutput;
import dev.kpisql.trino.ratio.CountIfAggregationState;
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
 * {@code first_contact_resolution_rate(resolved_on_first_contact)}: the core's {@link dev.kpisql.udfs.ratio.CountIf} share of rows.
 */
@AggregationFunction("first_contact_resolution_rate")
@Description(FirstContactResolutionRateAggregation.DESCRIPTION)
public final class FirstContactResolutionRateAggregation
{
    static final String DESCRIPTION = "Returns the first contact resolution rate: the percentage of tickets resolved on the first contact";

    private FirstContactResolutionRateAggregation() {}

    @InputFunction
    public static void input(@AggregationState CountIfAggregationState state, @SqlType(StandardTypes.BOOLEAN) boolean resolvedOnFirstContact)
    {
        try {
            EngagementFunctions.FIRST_CONTACT_RESOLUTION_RATE.add(state, resolvedOnFirstContact);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState CountIfAggregationState state, @AggregationState CountIfAggregationState otherState)
    {
        try {
            EngagementFunctions.FIRST_CONTACT_RESOLUTION_RATE.merge(state, otherState);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @OutputFunction(StandardTypes.DOUBLE)
    public static void output(@AggregationState CountIfAggregationState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, EngagementFunctions.FIRST_CONTACT_RESOLUTION_RATE.result(state));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

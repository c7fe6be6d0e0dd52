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
 * {@code feature_adoption_rate(user_id, used_feature)}: distinct adopters over distinct users.
 */
@AggregationFunction("feature_adoption_rate")
@Description(FeatureAdoptionRateAggregation.DESCRIPTION)
public final class FeatureAdoptionRateAggregation
{
    static final String DESCRIPTION = "Returns the feature adoption rate: the percentage of distinct users who used the feature at least once";

    private FeatureAdoptionRateAggregation() {}

    @InputFunction
    public static void bigintInput(@AggregationState FeatureAdoptionState state, @SqlType(StandardTypes.BIGINT) long userId, @SqlType(StandardTypes.BOOLEAN) boolean usedFeature)
    {
        try {
            state.get().addFeatureUse(userId, usedFeature);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @InputFunction
    public static void varcharInput(@AggregationState FeatureAdoptionState state, @SqlType(StandardTypes.VARCHAR) Slice userId, @SqlType(StandardTypes.BOOLEAN) boolean usedFeature)
    {
        try {
            state.get().addFeatureUse(userId.byteArray(), userId.byteArrayOffset(), userId.length(), usedFeature);
            state.changed();
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }

    @CombineFunction
    public static void combine(@AggregationState FeatureAdoptionState state, @AggregationState FeatureAdoptionState otherState)
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
    public static void output(@AggregationState FeatureAdoptionState state, BlockBuilder out)
    {
        try {
            KpiOutput.writeDouble(out, state.get().result());
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

package dev.kpisql.trino.revenue;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.revenue.MrrMovements;
import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.function.Description;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/**
 * {@code mrr_movement(previous_mrr, current_mrr)}: the movement label of one customer. The
 * parameters are primitives, so Trino answers NULL for a NULL argument without calling it.
 */
public final class MrrMovementFunction
{
    static final String DESCRIPTION = "Classifies a customer's MRR change as 'new', 'expansion', 'contraction', 'churn', 'flat' (equal and above 0) or 'inactive' (both 0)";

    private MrrMovementFunction() {}

    @ScalarFunction("mrr_movement")
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.VARCHAR)
    public static Slice mrrMovement(@SqlType(StandardTypes.DOUBLE) double previousMrr, @SqlType(StandardTypes.DOUBLE) double currentMrr)
    {
        try {
            return Slices.utf8Slice(MrrMovements.movement(previousMrr, currentMrr));
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

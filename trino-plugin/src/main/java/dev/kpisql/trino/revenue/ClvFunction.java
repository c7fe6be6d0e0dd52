package dev.kpisql.trino.revenue;

import dev.kpisql.trino.KpiErrors;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.revenue.RevenueFunctions;
import io.trino.spi.function.Description;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.StandardTypes;

/** {@code clv(avg_purchase_value, purchases_per_year, lifespan_years)}: the product of the three. */
public final class ClvFunction
{
    static final String DESCRIPTION = "Returns the customer lifetime value: average purchase value × purchases per year × lifespan in years";

    private ClvFunction() {}

    @ScalarFunction("clv")
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.DOUBLE)
    public static double clv(
            @SqlType(StandardTypes.DOUBLE) double avgPurchaseValue,
            @SqlType(StandardTypes.DOUBLE) double purchasesPerYear,
            @SqlType(StandardTypes.DOUBLE) double lifespanYears)
    {
        try {
            return RevenueFunctions.clv(avgPurchaseValue, purchasesPerYear, lifespanYears);
        }
        catch (KpiException e) {
            throw KpiErrors.toTrino(e);
        }
    }
}

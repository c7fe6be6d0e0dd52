package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.KpiException;

import java.util.Locale;

/**
 * Billing periods and the factor that turns an amount billed once per period into a monthly
 * amount. Names are case-insensitive and surrounding blanks are ignored.
 */
public final class BillingPeriod
{
    public static final String ALLOWED = "month, monthly, quarter, quarterly, half_year, semiannual, year, yearly, annual, week, weekly, day, daily";

    private BillingPeriod() {}

    /** The factor from an amount per {@code period} to an amount per month. */
    public static double monthlyFactor(String function, String period)
    {
        switch (period.trim().toLowerCase(Locale.ROOT)) {
            case "month":
            case "monthly":
                return 1;
            case "quarter":
            case "quarterly":
                return 1.0 / 3;
            case "half_year":
            case "semiannual":
                return 1.0 / 6;
            case "year":
            case "yearly":
            case "annual":
                return 1.0 / 12;
            case "week":
            case "weekly":
                return 52.0 / 12;
            case "day":
            case "daily":
                return 365.0 / 12;
            default:
                throw KpiException.invalid(function, "billing_period '" + period + "' is unknown; allowed: " + ALLOWED);
        }
    }
}

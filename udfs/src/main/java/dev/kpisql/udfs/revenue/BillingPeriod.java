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

    /** The names, lower case, and their factors, for matching bytes without decoding them. */
    private static final String[] NAMES = {"month", "monthly", "quarter", "quarterly", "half_year", "semiannual", "year", "yearly", "annual", "week", "weekly", "day", "daily"};
    private static final double[] FACTORS = {1, 1, 1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6, 1.0 / 12, 1.0 / 12, 1.0 / 12, 52.0 / 12, 52.0 / 12, 365.0 / 12, 365.0 / 12};

    private BillingPeriod() {}

    /**
     * The factor of a period given as UTF-8 bytes, as {@link #monthlyFactor(String, String)} reads
     * it, without making a String of every row's period: an engine calls this once per row.
     */
    public static double monthlyFactor(String function, byte[] utf8, int offset, int length)
    {
        int start = offset;
        int end = offset + length;
        while (start < end && isBlank(utf8[start])) {
            start++;
        }
        while (end > start && isBlank(utf8[end - 1])) {
            end--;
        }
        for (int n = 0; n < NAMES.length; n++) {
            if (equalsIgnoreAsciiCase(NAMES[n], utf8, start, end)) {
                return FACTORS[n];
            }
        }
        // not an ASCII name: the String path decides, and words the error
        return monthlyFactor(function, new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The ASCII blanks {@link String#trim} removes. */
    private static boolean isBlank(byte b)
    {
        return b >= 0 && b <= ' ';
    }

    private static boolean equalsIgnoreAsciiCase(String name, byte[] bytes, int start, int end)
    {
        if (end - start != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            int b = bytes[start + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

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

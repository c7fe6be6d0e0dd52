package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;

import java.util.Locale;

/**
 * The {@code mode} of {@code window_funnel}: a comma-separated list of ClickHouse's mode names,
 * case-insensitive, spaces around the names ignored, {@code ''} for none. The answer is a set of
 * bits.
 */
public final class FunnelMode
{
    /** A repeat of a step already reached stops the scan. */
    public static final int STRICT_DEDUPLICATION = 1;
    /** After step 1, an event matching no step, or a step whose predecessor is not reached, stops the scan. */
    public static final int STRICT_ORDER = 2;
    /** Each step strictly later than the previous one of its chain. */
    public static final int STRICT_INCREASE = 4;
    /** One row fills at most one step of a chain. */
    public static final int STRICT_ONCE = 8;

    static final String NAMES = "strict_deduplication, strict_order, strict_increase and strict_once";

    private FunnelMode() {}

    public static int parse(String function, String mode)
    {
        String text = mode.strip();
        if (text.isEmpty()) {
            return 0;
        }
        int bits = 0;
        for (String item : text.split(",", -1)) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            bits |= switch (name) {
                case "strict_deduplication" -> STRICT_DEDUPLICATION;
                case "strict_order" -> STRICT_ORDER;
                case "strict_increase" -> STRICT_INCREASE;
                case "strict_once" -> STRICT_ONCE;
                case "strict" -> throw KpiException.invalid(function, "mode '" + mode + "' names 'strict', which ClickHouse renamed strict_deduplication; the modes are " + NAMES);
                default -> throw KpiException.invalid(function, "mode '" + mode + "' names an unknown mode '" + item.strip() + "'; the modes are " + NAMES + ", comma-separated");
            };
        }
        return bits;
    }
}

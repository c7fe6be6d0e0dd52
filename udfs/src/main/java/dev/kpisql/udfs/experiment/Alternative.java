package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.KpiException;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

import java.nio.charset.StandardCharsets;

/**
 * The alternative hypothesis of a test (contract E3): {@code 'two-sided'} (the default),
 * {@code 'greater'} (treatment above control) or {@code 'less'}, case-insensitive.
 */
public enum Alternative
{
    TWO_SIDED("two-sided"),
    GREATER("greater"),
    LESS("less");

    private final String sqlName;

    Alternative(String sqlName)
    {
        this.sqlName = sqlName;
    }

    public String sqlName()
    {
        return sqlName;
    }

    public static Alternative parse(String function, String text)
    {
        for (Alternative alternative : values()) {
            if (alternative.sqlName.equalsIgnoreCase(text)) {
                return alternative;
            }
        }
        throw KpiException.invalid(function, "alternative '" + text.replace("'", "''") + "' is not 'two-sided', 'greater' or 'less'");
    }

    /** The same for a UTF-8 value, without making a String unless it is invalid. */
    public static Alternative parse(String function, byte[] bytes, int offset, int length)
    {
        for (Alternative alternative : values()) {
            if (equalsIgnoreCaseAscii(alternative.sqlName, bytes, offset, length)) {
                return alternative;
            }
        }
        return parse(function, new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    /**
     * The p-value of {@code statistic} under a distribution symmetric about 0 (normal, Student's
     * t), from survival functions only, so that a tail of 1e-300 is not rounded to 0:
     * two-sided 2·S(|x|), greater S(x), less S(−x) = F(x).
     */
    public double pValue(double statistic, ContinuousDistribution distribution)
    {
        return switch (this) {
            case TWO_SIDED -> Math.min(1.0, 2 * distribution.survivalProbability(Math.abs(statistic)));
            case GREATER -> distribution.survivalProbability(statistic);
            case LESS -> distribution.survivalProbability(-statistic);
        };
    }

    private static boolean equalsIgnoreCaseAscii(String name, byte[] bytes, int offset, int length)
    {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

package dev.kpisql.udfs;

/**
 * Compensated (Neumaier) summation of doubles, kept as two primitives so that an engine can
 * store it in a primitive state: {@code sum} and its running {@code compensation}. The true sum
 * is {@code sum + compensation}. The error is bounded by about 2 ulp of the result, independent of
 * the number of terms and of their order, which is what makes partial aggregations merge to the
 * same answer (contract C6), even when large terms cancel.
 *
 * <p>Reference: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54 (1974).
 */
public final class Sums
{
    private Sums() {}

    /**
     * The rounding error of {@code t = a + b}, to be added to the compensation.
     */
    public static double error(double a, double b, double t)
    {
        return Math.abs(a) >= Math.abs(b) ? (a - t) + b : (b - t) + a;
    }

    /**
     * The value of a compensated sum; an infinite result means the sum left DOUBLE's range.
     */
    public static double value(String function, String what, double sum, double compensation)
    {
        double value = sum + compensation;
        if (!Double.isFinite(value) || !Double.isFinite(sum)) {
            throw KpiException.overflow(function, "sum of " + what, "DOUBLE");
        }
        return value;
    }

    /**
     * {@code scale * numerator / denominator}, or NULL for a zero denominator (contract C3).
     */
    public static Double ratio(String function, double numerator, double denominator, double scale)
    {
        if (denominator == 0) {
            return null;
        }
        double result = scale * numerator / denominator;
        if (!Double.isFinite(result)) {
            throw KpiException.overflow(function, "result", "DOUBLE");
        }
        return result;
    }
}

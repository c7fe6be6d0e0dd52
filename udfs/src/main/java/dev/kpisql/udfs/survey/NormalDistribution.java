package dev.kpisql.udfs.survey;

/**
 * Quantiles of the standard normal distribution, for confidence intervals.
 *
 * <p>P. J. Acklam's rational approximation (relative error below 1.15e-9), refined by one step of
 * Halley's method against {@code erfc}, which brings it to full double precision. {@code erfc} is
 * W. J. Cody's rational Chebyshev approximation as given in Numerical Recipes (3rd ed., 6.2.2).
 */
final class NormalDistribution
{
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};

    private NormalDistribution() {}

    /** z such that P(−z ≤ Z ≤ z) = confidence, for 0 < confidence < 1. */
    static double twoSidedQuantile(double confidence)
    {
        return quantile(0.5 + confidence / 2);
    }

    /** The inverse of the standard normal CDF, for 0 < p < 1. */
    static double quantile(double p)
    {
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        else if (p <= 1 - 0.02425) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
        else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        // one Halley step: e = Φ(x) − p, u = e·√(2π)·exp(x²/2)
        double e = 0.5 * erfc(-x / Math.sqrt(2)) - p;
        double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    private static double erfc(double x)
    {
        double z = Math.abs(x);
        double t = 2 / (2 + z);
        double ty = 4 * t - 2;
        double[] cof = {-1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4, 3.66839497852761e-4,
                4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.303655835580e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
                5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13,
                3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17};
        double d = 0;
        double dd = 0;
        for (int j = cof.length - 1; j > 0; j--) {
            double tmp = d;
            d = ty * d - dd + cof[j];
            dd = tmp;
        }
        double result = t * Math.exp(-z * z + 0.5 * (cof[0] + ty * d) - dd);
        return x >= 0 ? result : 2 - result;
    }
}

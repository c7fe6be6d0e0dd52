package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.Sums;

import java.nio.ByteBuffer;

/**
 * The count, mean and sum of squared deviations of one arm's values: Welford's update row by
 * row and Chan's merge of two parts, never the raw Σx and Σx², whose difference loses every
 * digit when values share a large offset (1e9 + a few cents).
 *
 * <p>The mean is kept as an unevaluated sum of two doubles (hi + lo, "double-double"), so the
 * difference of two arms' means keeps its digits even when the means agree in their first ten,
 * and the sum of squared deviations is Neumaier-compensated. What is left to rounding is the
 * input itself, so parts merged in any order agree to the last bits (contract C6).
 *
 * <p>References: B. P. Welford, "Note on a method for calculating corrected sums of squares and
 * products", Technometrics 4 (1962); T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae
 * and a pairwise algorithm for computing sample variances", Stanford CS report STAN-CS-79-773
 * (1979); T. J. Dekker, "A floating-point technique for extending the available precision",
 * Numerische Mathematik 18 (1971).
 */
final class Moments
{
    static final int SERIALIZED_BYTES = 8 + 4 * 8;

    private long count;
    private double meanHi;
    private double meanLo;
    private double squares;
    private double squaresCompensation;

    void add(String function, double value)
    {
        long n = Counts.increment(function, "rows", count);
        double delta = (value - meanHi) - meanLo;
        addToMean(delta / n);
        double after = (value - meanHi) - meanLo;
        addToSquares(delta * after);
        count = n;
    }

    void merge(String function, Moments other)
    {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            count = other.count;
            meanHi = other.meanHi;
            meanLo = other.meanLo;
            squares = other.squares;
            squaresCompensation = other.squaresCompensation;
            return;
        }
        long n = Counts.add(function, "rows", count, other.count);
        double delta = difference(other, this);
        double weight = (double) other.count / n;
        addToMean(delta * weight);
        addToSquares(other.squares);
        addToSquares(other.squaresCompensation);
        addToSquares(delta * delta * ((double) count * weight));
        count = n;
    }

    long count()
    {
        return count;
    }

    double mean()
    {
        return meanHi + meanLo;
    }

    /** The sample variance (n − 1 denominator); NaN below two rows. */
    double variance(String function)
    {
        double sum = squares + squaresCompensation;
        if (!Double.isFinite(sum) || !Double.isFinite(meanHi)) {
            throw KpiException.overflow(function, "variance of value", "DOUBLE");
        }
        return count < 2 ? Double.NaN : Math.max(0, sum) / (count - 1);
    }

    /** {@code a.mean − b.mean}, exact before its final rounding even when the means are close. */
    static double difference(Moments a, Moments b)
    {
        double hi = a.meanHi - b.meanHi;
        double error = Sums.error(a.meanHi, -b.meanHi, hi);
        return hi + (error + (a.meanLo - b.meanLo));
    }

    void write(ByteBuffer out)
    {
        out.putLong(count).putDouble(meanHi).putDouble(meanLo).putDouble(squares).putDouble(squaresCompensation);
    }

    void read(ByteBuffer in)
    {
        count = in.getLong();
        if (count < 0) {
            throw new IllegalArgumentException("corrupt serialized state: a count of " + count);
        }
        meanHi = in.getDouble();
        meanLo = in.getDouble();
        squares = in.getDouble();
        squaresCompensation = in.getDouble();
    }

    /** (hi, lo) += step, keeping the rounding error of the addition in lo. */
    private void addToMean(double step)
    {
        double sum = meanHi + step;
        double low = meanLo + Sums.error(meanHi, step, sum);
        meanHi = sum + low;
        meanLo = Sums.error(sum, low, meanHi);
    }

    private void addToSquares(double term)
    {
        double sum = squares + term;
        squaresCompensation += Sums.error(squares, term, sum);
        squares = sum;
    }
}

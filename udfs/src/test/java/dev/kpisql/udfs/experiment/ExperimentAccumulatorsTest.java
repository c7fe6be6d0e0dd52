package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.KpiException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The two-arm and SRM accumulators: variants, merging, binary form, precision and errors. */
final class ExperimentAccumulatorsTest
{
    private static ProportionTestAccumulator zTest(Object... variantsAndConversions)
    {
        ProportionTestAccumulator test = new ProportionTestAccumulator();
        for (int i = 0; i < variantsAndConversions.length; i += 2) {
            test.add(variantsAndConversions[i + 1], variantsAndConversions[i], "a");
        }
        return test;
    }

    @Test
    void aThirdVariantMetInAMergeFailsNamingThreeInSortedOrder()
    {
        ProportionTestAccumulator left = zTest("d", true, "a", false);
        ProportionTestAccumulator right = zTest("c", true, "b", false);
        assertThatThrownBy(() -> left.merge(right))
                .isInstanceOf(KpiException.class)
                .hasMessage("two_proportion_z_test: variant has more than two values: 'a', 'b' and 'c'; a test compares one treatment with the control");
        assertThatThrownBy(() -> zTest("z", true, "a", true, "m", false))
                .hasMessage("two_proportion_z_test: variant has more than two values: 'a', 'm' and 'z'; a test compares one treatment with the control");
    }

    @Test
    void bigintVariantsSortAsNumbersInTheMessage()
    {
        WelchTestAccumulator test = new WelchTestAccumulator();
        test.add(1.0, 10L, 2L);
        test.add(1.0, 2L, 2L);
        assertThatThrownBy(() -> test.add(1.0, -3L, 2L)).hasMessageContaining("values: -3, 2 and 10;");
    }

    @Test
    void aControlReadFromTheSameBytesAsTheLastRowIsStillCheckedAtAnotherOffsetOrLength()
    {
        // one block's bytes, as an engine hands them over: "a", "b" and "ab" at offsets 0, 1 and 0
        byte[] block = "ab".getBytes(StandardCharsets.UTF_8);
        WelchTestAccumulator test = new WelchTestAccumulator();
        test.add(1.0, block, 0, 1, block, 0, 1);
        test.add(2.0, block, 0, 1, block, 0, 1);
        test.add(3.0, block, 1, 1, block, 0, 1);
        test.add(5.0, block, 1, 1, block, 0, 1);
        assertThatThrownBy(() -> test.add(4.0, block, 1, 1, block, 1, 1))
                .hasMessage("welch_t_test: control must be constant within a group, got 'a' and 'b'");
        assertThatThrownBy(() -> test.add(4.0, block, 1, 1, block, 0, 2))
                .hasMessage("welch_t_test: control must be constant within a group, got 'a' and 'ab'");
        assertThat(test.result().get("mean_control")).isEqualTo(1.5);
        assertThat(test.result().get("mean_treatment")).isEqualTo(4.0);
    }

    @Test
    void aControlThatDiffersBetweenPartsFails()
    {
        ProportionTestAccumulator left = new ProportionTestAccumulator();
        left.add(true, "x", "b");
        ProportionTestAccumulator right = new ProportionTestAccumulator();
        right.add(true, "x", "a");
        assertThatThrownBy(() -> left.merge(right)).hasMessage("two_proportion_z_test: control must be constant within a group, got 'a' and 'b'");
    }

    @Test
    void twoVariantsWithoutTheControlAndOneVariantAreNull()
    {
        ProportionTestAccumulator test = new ProportionTestAccumulator();
        test.add(true, "b", "a");
        assertThat(test.result()).as("one variant").isNull();
        test.add(false, "c", "a");
        assertThat(test.result()).as("two, neither the control").isNull();
        assertThat(new ProportionTestAccumulator().result()).as("no rows").isNull();
    }

    @Test
    void theTreatmentIsTheOtherVariantWhicheverArrivesFirst()
    {
        // 1 of 2 in the control, 2 of 2 in the treatment: difference +50 points in either order
        ProportionTestAccumulator treatmentFirst = zTest("t", true, "t", true, "a", true, "a", false);
        ProportionTestAccumulator controlFirst = zTest("a", true, "a", false, "t", true, "t", true);
        assertThat(treatmentFirst.result()).isEqualTo(controlFirst.result());
        assertThat(treatmentFirst.result().get("difference")).isEqualTo(50.0);
        assertThat(treatmentFirst.result().get("rate_control")).isEqualTo(50.0);
    }

    @Test
    void partsMergedInEitherOrderAndThroughBytesGiveOnePassAnswer()
    {
        WelchTestAccumulator onePass = new WelchTestAccumulator();
        WelchTestAccumulator left = new WelchTestAccumulator();
        WelchTestAccumulator right = new WelchTestAccumulator();
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            double value = random.nextGaussian() * 3 + (i % 3 == 0 ? 1 : 0);
            String variant = i % 3 == 0 ? "t" : "c";
            onePass.add(value, variant, "c");
            (i % 2 == 0 ? left : right).add(value, variant, "c");
        }
        WelchTestAccumulator shipped = WelchTestAccumulator.deserialize(right.serialize());
        left.merge(shipped);
        Map<String, Object> expected = onePass.result();
        Map<String, Object> merged = left.result();
        for (String field : expected.keySet()) {
            assertThat((Double) merged.get(field)).as(field).isCloseTo((Double) expected.get(field), within(Math.abs((Double) expected.get(field)) * 1e-12));
        }
    }

    @Test
    void bytesCarryTheParametersAndEveryVariantType()
    {
        ProportionTestAccumulator bigint = new ProportionTestAccumulator();
        bigint.confidence(0.9);
        bigint.alternative("Greater");
        bigint.add(true, 7L, 7L);
        bigint.add(false, 8L, 7L);
        ProportionTestAccumulator copy = ProportionTestAccumulator.deserialize(bigint.serialize());
        assertThat(copy.result()).isEqualTo(bigint.result());
        assertThatThrownBy(() -> copy.confidence(0.95)).hasMessage("two_proportion_z_test: confidence must be constant within a group, got 0.9 and 0.95");
        assertThatThrownBy(() -> copy.alternative("less")).hasMessage("two_proportion_z_test: alternative must be constant within a group, got 'greater' and 'less'");

        NpsDifferenceAccumulator flags = new NpsDifferenceAccumulator();
        flags.add(9L, true, false);
        flags.add(3L, false, false);
        flags.add(10L, false, false);
        flags.add(7L, true, false);
        assertThat(NpsDifferenceAccumulator.deserialize(flags.serialize()).result()).isEqualTo(flags.result()).isNotNull();
        assertThat(NpsDifferenceAccumulator.deserialize(new NpsDifferenceAccumulator().serialize()).result()).isNull();
    }

    @Test
    void corruptBytesFailWithAnIllegalArgumentException()
    {
        byte[] bytes = zTest("b", true, "a", false).serialize();
        assertThatThrownBy(() -> ProportionTestAccumulator.deserialize(Arrays.copyOf(bytes, bytes.length - 3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionTestAccumulator.deserialize(Arrays.copyOf(bytes, bytes.length + 1))).isInstanceOf(IllegalArgumentException.class);
        byte[] version = bytes.clone();
        version[0] = 9;
        assertThatThrownBy(() -> ProportionTestAccumulator.deserialize(version)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> ProportionTestAccumulator.deserialize(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        byte[] srm = new SrmAccumulator().serialize();
        assertThatThrownBy(() -> SrmAccumulator.deserialize(Arrays.copyOf(srm, srm.length - 1))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 10,000 values of 1e9 plus cents, in two arms: each arm's variance agrees with the exact one
     * (BigDecimal over the same doubles) to 1e-12, and so does the difference of the means, where
     * the raw moments Σx and Σx² that ClickHouse keeps lose every digit; merged halves agree too.
     */
    @Test
    void valuesNearOneBillionKeepTheirDigits()
    {
        Random random = new Random(1_000_000_000);
        Moments[] arms = {new Moments(), new Moments()};
        Moments[] halves = {new Moments(), new Moments()};
        double[][] values = new double[2][5000];
        BigDecimal[] means = new BigDecimal[2];
        double[] variances = new double[2];
        MathContext context = MathContext.DECIMAL128;
        for (int arm = 0; arm < 2; arm++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < 5000; i++) {
                double value = 1e9 + Math.round(random.nextGaussian() * 500 + arm * 3) / 100.0;
                values[arm][i] = value;
                sum = sum.add(new BigDecimal(value));
                arms[arm].add("welch_t_test", value);
            }
            means[arm] = sum.divide(BigDecimal.valueOf(5000), context);
            BigDecimal squares = BigDecimal.ZERO;
            for (double value : values[arm]) {
                BigDecimal deviation = new BigDecimal(value).subtract(means[arm]);
                squares = squares.add(deviation.multiply(deviation));
            }
            variances[arm] = squares.divide(BigDecimal.valueOf(4999), context).doubleValue();
        }
        double difference = means[1].subtract(means[0]).doubleValue();
        for (int arm = 0; arm < 2; arm++) {
            assertThat(arms[arm].variance("welch_t_test")).isCloseTo(variances[arm], within(variances[arm] * 1e-12));
            assertThat(arms[arm].mean()).isEqualTo(means[arm].doubleValue());
        }
        assertThat(Moments.difference(arms[1], arms[0])).isCloseTo(difference, within(Math.abs(difference) * 1e-12));

        // the raw moments, for contrast: Σx² − n·x̄² in doubles
        double sum = 0;
        double sumOfSquares = 0;
        for (double value : values[0]) {
            sum += value;
            sumOfSquares += value * value;
        }
        double raw = (sumOfSquares - sum * sum / 5000) / 4999;
        assertThat(Math.abs(raw - variances[0]) / variances[0]).as("raw moments lose the variance").isGreaterThan(0.01);

        // the same arm in two halves merged
        for (int i = 0; i < 5000; i++) {
            halves[i % 2].add("welch_t_test", values[0][i]);
        }
        halves[0].merge("welch_t_test", halves[1]);
        assertThat(halves[0].variance("welch_t_test")).isCloseTo(variances[0], within(variances[0] * 1e-12));
        assertThat(halves[0].mean()).isEqualTo(means[0].doubleValue());
    }

    @Test
    void hugeValuesFailWithAnOverflowInsteadOfInfinity()
    {
        WelchTestAccumulator test = new WelchTestAccumulator();
        test.add(1e200, "a", "a");
        test.add(-1e200, "a", "a");
        test.add(1.0, "b", "a");
        test.add(2.0, "b", "a");
        assertThatThrownBy(test::result).isInstanceOf(KpiException.class).hasMessage("welch_t_test: variance of value overflows DOUBLE")
                .extracting(e -> ((KpiException) e).kind()).isEqualTo(KpiException.Kind.OVERFLOW);
    }

    @Test
    void aTailOfOneInTenToThe290IsNotRoundedToZero()
    {
        Map<String, Object> result = ProportionTest.fromCounts(100_000, 1_000_000, 115_800, 1_000_000, 0.95, Alternative.TWO_SIDED);
        assertThat((Double) result.get("p_value")).isPositive().isLessThan(1e-280);
        // t = 0.05 / √(2e-6) = 35.4 on about two million degrees of freedom: p ≈ 1e-273
        Map<String, Object> welch = WelchTest.fromStats(0, 1, 1_000_000, 0.05, 1, 1_000_000, 0.95, Alternative.GREATER);
        assertThat((Double) welch.get("p_value")).isPositive().isLessThan(1e-270);
    }

    @Test
    void alternativesAreCaseInsensitiveAndNamedInTheirError()
    {
        byte[] less = "LeSs".getBytes(StandardCharsets.UTF_8);
        assertThat(Alternative.parse("f", less, 0, less.length)).isEqualTo(Alternative.LESS);
        assertThat(Alternative.parse("f", "Two-Sided")).isEqualTo(Alternative.TWO_SIDED);
        assertThatThrownBy(() -> Alternative.parse("f", "two_sided")).hasMessage("f: alternative 'two_sided' is not 'two-sided', 'greater' or 'less'");
        // a one-sided p-value and its mirror sum to 1
        double greater = Alternative.GREATER.pValue(1.3, Parameters.STANDARD_NORMAL);
        double lower = Alternative.LESS.pValue(1.3, Parameters.STANDARD_NORMAL);
        assertThat(greater + lower).isCloseTo(1.0, within(1e-15));
        assertThat(Alternative.TWO_SIDED.pValue(0, Parameters.STANDARD_NORMAL)).isEqualTo(1.0);
    }

    @Test
    void srmHandlesManyVariantsThroughItsIndex()
    {
        SrmAccumulator left = new SrmAccumulator();
        SrmAccumulator right = new SrmAccumulator();
        for (int variant = 0; variant < 40; variant++) {
            for (int row = 0; row < 10 + variant % 3; row++) {
                (row % 2 == 0 ? left : right).add(variant, 1.0 / 40);
            }
        }
        left.merge(SrmAccumulator.deserialize(right.serialize()));
        Map<String, Object> result = left.result();
        assertThat(result.get("variants")).isEqualTo(40L);
        // 40 variants of 10, 11 or 12 rows: N = 439, each expected 10.975
        double expected = 0;
        for (int variant = 0; variant < 40; variant++) {
            double deviation = 10 + variant % 3 - 439 / 40.0;
            expected += deviation * deviation / (439 / 40.0);
        }
        assertThat((Double) result.get("chi_square")).isCloseTo(expected, within(1e-12));
        assertThat(left.retainedBytes()).isGreaterThan(new SrmAccumulator().retainedBytes());
    }

    @Test
    void srmTellsLabelsApartAtAnyOffsetAndLength()
    {
        // one block's bytes: "a", "b" and "ab" at offsets 0, 1 and 0; "ab" is not "a"
        byte[] block = "ab".getBytes(StandardCharsets.UTF_8);
        SrmAccumulator test = new SrmAccumulator();
        for (int row = 0; row < 3; row++) {
            test.add(block, 0, 1, 0.5);
        }
        test.add(block, 1, 1, 0.25);
        test.add(block, 0, 2, 0.25);
        test.add(block, 0, 2, 0.25);
        Map<String, Object> result = test.result();
        assertThat(result.get("variants")).isEqualTo(3L);
        // observed 3, 1, 2 against expected 6 × (0.5, 0.25, 0.25) = 3, 1.5, 1.5
        assertThat((Double) result.get("chi_square")).isCloseTo(0.25 / 1.5 + 0.25 / 1.5, within(1e-12));
    }

    @Test
    void srmNamesTheSharesThatDoNotSumToOne()
    {
        SrmAccumulator test = new SrmAccumulator();
        test.add("b".getBytes(StandardCharsets.UTF_8), 0, 1, 0.3);
        test.add("a".getBytes(StandardCharsets.UTF_8), 0, 1, 0.3);
        assertThatThrownBy(test::result).hasMessage("srm_test: the expected shares of the variants seen sum to 0.6, not 1 ('a' 0.3, 'b' 0.3)");
        assertThatThrownBy(() -> test.add("a".getBytes(StandardCharsets.UTF_8), 0, 1, 1.5)).hasMessage("srm_test: expected_share 1.5 is outside 0 < expected_share ≤ 1");
    }

    @Test
    void wilsonBoundsAreExactAtTheEndsAndCancellationFree()
    {
        Map<String, Object> none = RateInterval.fromCounts(0, 1_000_000_000_000L, 0.95);
        assertThat(none.get("lower")).isEqualTo(0.0);
        Map<String, Object> all = RateInterval.fromCounts(7, 7, 0.95);
        assertThat(all.get("upper")).isEqualTo(100.0);
        // one in a trillion: the lower bound z²-free form k²/(n(n+z²)U) keeps its digits
        Map<String, Object> one = RateInterval.fromCounts(1, 1_000_000_000_000L, 0.95);
        double z = 1.959963984540054;
        double n = 1e12;
        double upperRoot = (2 + z * z + z * Math.sqrt(z * z + 4 * (n - 1) / n)) / (2 * (n + z * z));
        assertThat((Double) one.get("lower")).isCloseTo(100 / (n * (n + z * z) * upperRoot), within(1e-26));
    }
}

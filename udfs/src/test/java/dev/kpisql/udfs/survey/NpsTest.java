package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NpsTest
{
    @Test
    void seventyPromotersTenPassivesTwentyDetractorsIsFifty()
    {
        NpsAccumulator nps = new NpsAccumulator();
        for (int i = 0; i < 70; i++) {
            nps.add(9 + i % 2);
        }
        for (int i = 0; i < 10; i++) {
            nps.add(7 + i % 2);
        }
        for (int i = 0; i < 20; i++) {
            nps.add(i % 7);
        }
        assertThat(nps.result()).isEqualTo(50.0);
    }

    @Test
    void everyScoreFallsInItsCategory()
    {
        // promoters 9, 10; passives 7, 8; detractors 0..6 → 100 × (2 − 7) / 11
        NpsAccumulator nps = new NpsAccumulator();
        for (long score = 0; score <= 10; score++) {
            nps.add(score);
            assertThat(Nps.category(score)).isEqualTo(score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor");
        }
        assertThat(nps.result()).isCloseTo(100.0 * (2 - 7) / 11, within(1e-12));
    }

    @Test
    void emptyGroupReturnsNull()
    {
        assertThat(new NpsAccumulator().result()).isNull();
        assertThat(new NpsMarginAccumulator().result()).isNull();
    }

    @Test
    void wholeDoubleScoresCountLikeIntegers()
    {
        NpsAccumulator nps = new NpsAccumulator();
        nps.add(10.0);
        nps.add(0.0);
        nps.add(9.0);
        nps.add(8.0);
        assertThat(nps.result()).isEqualTo(25.0);
    }

    @Test
    void scoreOffTheScaleFails()
    {
        assertThatThrownBy(() -> new NpsAccumulator().add(11))
                .isInstanceOf(KpiException.class)
                .hasMessage("nps: score 11 is outside 0..10");
        assertThatThrownBy(() -> new NpsAccumulator().add(-1))
                .hasMessage("nps: score -1 is outside 0..10");
        assertThatThrownBy(() -> new NpsAccumulator().add(10.5))
                .hasMessage("nps: score 10.5 is not a whole number");
        assertThatThrownBy(() -> new NpsAccumulator().add(Double.NaN))
                .hasMessage("nps: score NaN is not a finite number");
        assertThatThrownBy(() -> new NpsAccumulator().add(Double.POSITIVE_INFINITY))
                .hasMessage("nps: score Infinity is not a finite number");
        assertThatThrownBy(() -> new NpsAccumulator().add(Double.NEGATIVE_INFINITY))
                .hasMessage("nps: score -Infinity is not a finite number");
        assertThatThrownBy(() -> Nps.category(12))
                .hasMessage("nps_category: score 12 is outside 0..10");
        assertThatThrownBy(() -> new NpsMarginAccumulator().add(11))
                .hasMessage("nps_margin_of_error: score 11 is outside 0..10");
    }

    @Test
    void countOverflowFails()
    {
        NpsAccumulator full = new NpsAccumulator();
        full.setPromoters(Long.MAX_VALUE);
        assertThatThrownBy(() -> full.add(10))
                .isInstanceOf(KpiException.class)
                .hasMessage("nps: count of promoters overflows BIGINT")
                .extracting(e -> ((KpiException) e).kind()).isEqualTo(KpiException.Kind.OVERFLOW);
        NpsAccumulator other = new NpsAccumulator();
        other.setPassives(Long.MAX_VALUE);
        NpsAccumulator one = new NpsAccumulator();
        one.add(7);
        assertThatThrownBy(() -> one.merge(other)).hasMessage("nps: count of passives overflows BIGINT");
        // the total of categories overflows even when no category does
        NpsAccumulator split = new NpsAccumulator();
        split.setPromoters(Long.MAX_VALUE / 2 + 1);
        split.setDetractors(Long.MAX_VALUE / 2 + 1);
        assertThatThrownBy(split::result).hasMessage("nps: count of responses overflows BIGINT");
    }

    @Test
    void marginOfErrorByHand()
    {
        // 2 promoters, 1 passive, 1 detractor: p⁺ = 1/2, p⁻ = 1/4, variance = 3/4 − 1/16 = 11/16, n = 4
        // z(0.975) = 1.959963984540054 → 1.959963984540054 × sqrt(11/64) × 100
        NpsMarginAccumulator margin = new NpsMarginAccumulator();
        for (long score : new long[] {9, 10, 8, 2}) {
            margin.add(score);
        }
        assertThat(margin.result()).isCloseTo(1.959963984540054 * Math.sqrt(11.0 / 64) * 100, within(1e-9));
    }

    @Test
    void marginOfErrorNeedsTwoResponses()
    {
        NpsMarginAccumulator margin = new NpsMarginAccumulator();
        margin.add(10);
        assertThat(margin.result()).isNull();
    }

    @Test
    void normalQuantilesMatchTables()
    {
        // Abramowitz & Stegun 26.2: z(0.975) = 1.959963985, z(0.995) = 2.575829304, z(0.9) = 1.281551566
        assertThat(NormalDistribution.twoSidedQuantile(0.95)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(NormalDistribution.twoSidedQuantile(0.99)).isCloseTo(2.5758293035489004, within(1e-12));
        assertThat(NormalDistribution.twoSidedQuantile(0.8)).isCloseTo(1.2815515655446004, within(1e-12));
        assertThat(NormalDistribution.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-9));
    }

    @Test
    void confidenceOutsideTheOpenUnitIntervalFails()
    {
        assertThatThrownBy(() -> new NpsMarginAccumulator().add(9, 1.0))
                .hasMessage("nps_margin_of_error: confidence 1 is outside the open interval 0..1");
        assertThatThrownBy(() -> new NpsMarginAccumulator().add(9, 0.0))
                .hasMessage("nps_margin_of_error: confidence 0 is outside the open interval 0..1");
        assertThatThrownBy(() -> new NpsMarginAccumulator().add(9, Double.NaN))
                .hasMessage("nps_margin_of_error: confidence NaN is not a finite number");
    }

    @Test
    void confidenceMustBeConstantWithinAGroup()
    {
        NpsMarginAccumulator margin = new NpsMarginAccumulator();
        margin.add(9, 0.9);
        assertThatThrownBy(() -> margin.add(9, 0.95))
                .hasMessage("nps_margin_of_error: confidence must be constant within a group, got 0.9 and 0.95");
        NpsMarginAccumulator other = new NpsMarginAccumulator();
        other.add(3, 0.8);
        assertThatThrownBy(() -> margin.merge(other))
                .hasMessage("nps_margin_of_error: confidence must be constant within a group, got 0.8 and 0.9");
    }

    @Test
    void halvesMergedEqualOnePass()
    {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            List<Object[]> rows = new ArrayList<>();
            int size = random.nextInt(300);
            for (int i = 0; i < size; i++) {
                rows.add(new Object[] {(long) random.nextInt(11)});
            }
            MergeCheck.assertSplitInvariant(NpsAccumulator::new, rows, round, 0);
            MergeCheck.assertSplitInvariant(NpsMarginAccumulator::new, rows, round, 0);
            List<Object[]> withConfidence = rows.stream().map(row -> new Object[] {row[0], 0.9}).toList();
            MergeCheck.assertSplitInvariant(NpsMarginAccumulator::new, withConfidence, round, 0);
        }
    }
}

package dev.kpisql.udfs.ratio;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountRatioTest
{
    private static final CountRatio LOST_OF_START = CountRatio.denominatorFirst("churn_rate", "start_customers", "lost_customers", 100);
    private static final CountRatio CLICKS_OF_IMPRESSIONS = CountRatio.numeratorFirst("click_through_rate", "clicks", "impressions", 100);

    @Test
    void argumentOrderFollowsTheSqlSignature()
    {
        CountRatioAccumulator churn = new CountRatioAccumulator(LOST_OF_START);
        churn.add(200, 5);
        assertThat(churn.result()).isEqualTo(2.5);
        CountRatioAccumulator ctr = new CountRatioAccumulator(CLICKS_OF_IMPRESSIONS);
        ctr.add(3, 4);
        assertThat(ctr.result()).isEqualTo(75.0);
    }

    @Test
    void zeroDenominatorAndEmptyGroupReturnNull()
    {
        CountRatioAccumulator churn = new CountRatioAccumulator(LOST_OF_START);
        assertThat(churn.result()).isNull();
        churn.add(0, 0);
        assertThat(churn.result()).isNull();
    }

    @Test
    void negativeCountsFail()
    {
        assertThatThrownBy(() -> new CountRatioAccumulator(LOST_OF_START).add(-1, 0))
                .isInstanceOf(KpiException.class)
                .hasMessage("churn_rate: start_customers -1 is negative");
        assertThatThrownBy(() -> new CountRatioAccumulator(LOST_OF_START).add(1, -2))
                .hasMessage("churn_rate: lost_customers -2 is negative");
    }

    @Test
    void sumOverflowFails()
    {
        CountRatioAccumulator churn = new CountRatioAccumulator(LOST_OF_START);
        churn.add(Long.MAX_VALUE, 1);
        assertThatThrownBy(() -> churn.add(1, 0)).hasMessage("churn_rate: sum of start_customers overflows BIGINT");
        CountRatioAccumulator other = new CountRatioAccumulator(LOST_OF_START);
        other.add(0, Long.MAX_VALUE);
        assertThatThrownBy(() -> churn.merge(other)).hasMessage("churn_rate: sum of lost_customers overflows BIGINT");
    }

    @Test
    void anySplitMergesToOnePass()
    {
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = random.nextInt(200); i > 0; i--) {
                long start = random.nextInt(1000);
                rows.add(new Object[] {start, (long) random.nextInt((int) start + 1)});
            }
            MergeCheck.assertSplitInvariant(() -> new CountRatioAccumulator(LOST_OF_START), rows, round, 0);
        }
    }
}

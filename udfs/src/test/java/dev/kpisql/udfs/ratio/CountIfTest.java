package dev.kpisql.udfs.ratio;

import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountIfTest
{
    @Test
    void sharesOfTrueAndOfFalse()
    {
        CountIfAccumulator churned = new CountIfAccumulator(CountIf.countingTrue("churn_rate"));
        CountIfAccumulator abandoned = new CountIfAccumulator(CountIf.countingFalse("cart_abandonment_rate"));
        for (boolean value : new boolean[] {true, false, false, false}) {
            churned.add(value);
            abandoned.add(value);
        }
        assertThat(churned.result()).isEqualTo(25.0);
        assertThat(abandoned.result()).isEqualTo(75.0);
    }

    @Test
    void emptyGroupReturnsNull()
    {
        assertThat(new CountIfAccumulator(CountIf.countingTrue("churn_rate")).result()).isNull();
    }

    @Test
    void rowCountOverflowFails()
    {
        // a row past Long.MAX_VALUE is found when the group's counts leave the state: at its result or a merge
        CountIfAccumulator full = new CountIfAccumulator(CountIf.countingTrue("churn_rate"));
        full.setRows(Long.MAX_VALUE);
        full.add(false);
        assertThatThrownBy(full::result).hasMessage("churn_rate: count of rows overflows BIGINT");
        assertThatThrownBy(() -> new CountIfAccumulator(CountIf.countingTrue("churn_rate")).merge(full)).hasMessage("churn_rate: count of rows overflows BIGINT");
        assertThatThrownBy(() -> full.merge(new CountIfAccumulator(CountIf.countingTrue("churn_rate")))).hasMessage("churn_rate: count of rows overflows BIGINT");
    }

    @Test
    void matchCountOverflowFails()
    {
        CountIfAccumulator full = new CountIfAccumulator(CountIf.countingTrue("churn_rate"));
        full.setMatches(Long.MAX_VALUE);
        full.setRows(Long.MAX_VALUE - 1);
        full.add(true);
        assertThatThrownBy(full::result).hasMessage("churn_rate: count of matching rows overflows BIGINT");
    }

    @Test
    void anySplitMergesToOnePass()
    {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = random.nextInt(200); i > 0; i--) {
                rows.add(new Object[] {random.nextBoolean()});
            }
            MergeCheck.assertSplitInvariant(() -> new CountIfAccumulator(CountIf.countingTrue("churn_rate")), rows, round, 0);
        }
    }
}

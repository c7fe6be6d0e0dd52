package dev.kpisql.udfs.catalog;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static dev.kpisql.udfs.catalog.Example.repeat;
import static dev.kpisql.udfs.catalog.Example.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The worked examples of the source documents, each at its stated size, through the catalog's
 * core implementation: the numbers an analyst checks first.
 */
final class WorkedExamplesTest
{
    private static Object evaluate(String function, int overload, List<List<Object>> rows)
    {
        return Catalog.function(function).orElseThrow().overloads().get(overload).evaluate(rows);
    }

    private static List<List<Object>> concat(List<List<Object>>... parts)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (List<List<Object>> part : parts) {
            rows.addAll(part);
        }
        return rows;
    }

    @Test
    void npsOfSeventyPercentPromotersTenPassivesTwentyDetractorsIsFifty()
    {
        assertThat(evaluate("nps", 0, concat(repeat(70, row(9L)), repeat(10, row(7L)), repeat(20, row(3L))))).isEqualTo(50.0);
    }

    @Test
    void csatOfTwoHundredPositiveOfFourHundredIsFifty()
    {
        // on the default 1..5 scale, 4 and 5 are positive
        assertThat(evaluate("csat", 0, concat(repeat(120, row(5L)), repeat(80, row(4L)), repeat(150, row(3L)), repeat(50, row(1L))))).isEqualTo(50.0);
    }

    @Test
    void dauMauOfOneHundredDailyActivesOverThirtyDaysAndFiveHundredMonthlyIsTwenty()
    {
        List<List<Object>> activity = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            for (int k = 0; k < 100; k++) {
                // 100 different users a day, 500 different users in the month
                activity.add(row((long) ((day * 100 + k) % 500), LocalDate.of(2025, 6, 1).plusDays(day)));
            }
        }
        assertThat(evaluate("dau_mau", 0, activity)).isEqualTo(20.0);
        assertThat((Double) evaluate("approx_dau_mau", 0, activity)).isCloseTo(20.0, within(0.4));
    }

    @Test
    void mrrOfOneHundredCustomersPayingTenIsOneThousandAndAnnualPlansCountATwelfth()
    {
        assertThat(evaluate("mrr", 0, repeat(100, row(10.0)))).isEqualTo(1000.0);
        assertThat(evaluate("mrr", 1, List.of(row(120.0, "annual")))).isEqualTo(10.0);
    }

    @Test
    void clvOfTenThousandAYearForFiveYearsIsFiftyThousand()
    {
        assertThat(evaluate("clv", 0, List.of(row(10_000.0, 1.0, 5.0)))).isEqualTo(50_000.0);
    }

    @Test
    void averageOfFifteenTwentyAndSeventySecondSessionsIsThirtyFive()
    {
        LocalDateTime start = LocalDateTime.of(2025, 3, 1, 12, 0);
        assertThat(evaluate("avg_session_duration", 0, List.of(
                row(start, start.plusSeconds(15)),
                row(start, start.plusSeconds(20)),
                row(start, start.plusSeconds(70))))).isEqualTo(35.0);
    }

    @Test
    void ndrWithTenThousandStartTwoThousandExpansionFiveHundredContractionOneThousandChurnIs105()
    {
        assertThat(evaluate("net_revenue_retention", 0, List.of(
                row(5_000.0, 7_000.0),     // expansion 2,000
                row(3_000.0, 2_500.0),     // contraction 500
                row(1_000.0, 0.0),         // churn 1,000
                row(1_000.0, 1_000.0),     // flat
                row(0.0, 400.0)))).isEqualTo(105.0);   // new: not part of NDR
    }

    @Test
    void retentionWithHundredAtStartHundredTwentyAtEndThirtyNewIsNinety()
    {
        assertThat(evaluate("retention_rate", 0, List.of(row(100L, 120L, 30L)))).isEqualTo(90.0);
    }

    @Test
    void churnOfFiveLostOfTwoHundredIsTwoAndAHalf()
    {
        assertThat(evaluate("churn_rate", 0, List.of(row(200L, 5L)))).isEqualTo(2.5);
    }
}

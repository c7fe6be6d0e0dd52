package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.KpiException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ClickHouse's own tests of the event functions, with their reference answers, in the core. */
final class ClickHouseCasesTest
{
    @TestFactory
    Stream<DynamicTest> everyPortedCaseGivesClickHousesAnswer()
    {
        return ClickHouseCases.all().stream().map(value -> DynamicTest.dynamicTest(value.name(), () -> {
            if (value.failure() != null) {
                assertThatThrownBy(value::evaluate).isInstanceOf(KpiException.class).hasMessage(value.failure());
                return;
            }
            List<List<Object>> rows = value.evaluate();
            assertThat(value.matches(rows)).as("%s gave %s, expected %s (%s)", value.name(), rows, value.expected(), value.note()).isTrue();
        }));
    }

    @Test
    void everyTestTheIssueNamesIsPorted()
    {
        Set<String> tests = new TreeSet<>();
        ClickHouseCases.all().forEach(value -> tests.add(value.id().split(" ")[0]));
        assertThat(tests).containsExactlyInAnyOrder("00632", "00678", "01646", "00688", "00938", "00222", "00823", "02713", "37177");
        assertThat(ClickHouseCases.all()).extracting(ClickHouseCases.Case::function).contains("window_funnel", "retention", "sequence_match", "sequence_count");
    }
}

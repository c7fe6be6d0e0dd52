package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.KpiException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every case of the bad-input matrix ({@link BadInputs}) gives, in the core, the outcome the
 * contract asks for: NULL, or a {@link KpiException} of the right kind naming the function, the
 * argument and the bad value — never a number, never another exception.
 */
final class BadInputMatrixTest
{
    @TestFactory
    Stream<DynamicTest> everyCaseHasTheContractsOutcome()
    {
        return BadInputs.cases().stream().map(badInput -> DynamicTest.dynamicTest(badInput.name(), () -> assertOutcome(badInput)));
    }

    private static void assertOutcome(BadInputs.Case badInput)
    {
        List<List<Object>> rows = badInput.emptyGroup() ? List.of() : badInput.rows();
        Throwable error = catchThrowable(() -> {
            Object answer = badInput.overload().evaluate(rows);
            if (badInput.rejection() != null) {
                throw new AssertionError("expected " + badInput.rejection() + " but got " + answer);
            }
            assertThat(answer).as(badInput.name()).isNull();
        });
        if (badInput.rejection() == null) {
            assertThat(error).as(badInput.name()).isNull();
            return;
        }
        assertThat(error).as(badInput.name()).isInstanceOf(KpiException.class);
        KpiException kpiError = (KpiException) error;
        assertThat(kpiError.kind()).as(kpiError.getMessage()).isEqualTo(badInput.rejection().kind());
        assertThat(badInput.rejection().matches(kpiError.getMessage())).as("'%s' should match %s", kpiError.getMessage(), badInput.rejection()).isTrue();
    }

    /** Every aggregate has NULL, empty-group and overflow cases; every category is used. */
    @Test
    void matrixCoversEveryOverload()
    {
        List<BadInputs.Case> cases = BadInputs.cases();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                Set<BadInputs.Category> categories = cases.stream()
                        .filter(badInput -> badInput.overload() == overload)
                        .map(BadInputs.Case::category)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(BadInputs.Category.class)));
                assertThat(categories).as(overload.signature(function.name())).contains(BadInputs.Category.NULL);
                if (overload.kind() == Kind.AGGREGATE) {
                    assertThat(categories).as(overload.signature(function.name())).contains(BadInputs.Category.EMPTY);
                }
            }
        }
        assertThat(cases.stream().map(BadInputs.Case::category).collect(Collectors.toSet())).containsExactlyInAnyOrder(BadInputs.Category.values());
    }
}

package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.KpiException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract C5 for every overload and every argument it applies to, beyond the hand-picked failing
 * examples: a NaN or ±Infinity in any money or number argument, and a negative count or amount,
 * put into an otherwise valid example, fails with a user error that names the function and the
 * bad value — never a result, never another exception.
 */
final class BadInputMatrixTest
{
    @TestFactory
    Stream<DynamicTest> everyNumericArgumentRejectsNanInfinityAndNegatives()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                Example valid = overload.examples().stream()
                        .filter(example -> !example.fails() && example.rows().get(0).stream().allMatch(value -> value != null))
                        .findFirst()
                        .orElse(null);
                if (valid == null) {
                    continue;
                }
                for (int i = 0; i < overload.arguments().size(); i++) {
                    Argument argument = overload.arguments().get(i);
                    List<Object> bad = new ArrayList<>();
                    switch (argument.type()) {
                        case MONEY, NUMBER -> bad.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
                        case SCORE -> bad.add(Double.NaN);
                        default -> { }
                    }
                    if (argument.type() == ArgType.MONEY) {
                        bad.add(-1.0);
                    }
                    if (argument.type() == ArgType.COUNT) {
                        bad.add(-1L);
                    }
                    int column = i;
                    for (Object value : bad) {
                        tests.add(DynamicTest.dynamicTest(overload.signature(function.name()) + ": " + argument.name() + " = " + value,
                                () -> assertRejected(function, overload, valid, column, value)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void assertRejected(KpiFunction function, Overload overload, Example valid, int column, Object value)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : valid.rows()) {
            rows.add(new ArrayList<>(row));
        }
        rows.get(0).set(column, value);
        String shown = value instanceof Double d && d == -1.0 ? "-1" : value.toString();
        assertThatThrownBy(() -> overload.evaluate(rows))
                .isInstanceOf(KpiException.class)
                .hasMessageStartingWith(function.name() + ": ")
                .hasMessageContaining(shown)
                .matches(error -> ((KpiException) error).kind() == KpiException.Kind.INVALID_ARGUMENT, "an invalid-argument error");
    }
}

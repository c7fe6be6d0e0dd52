package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest
{
    /** Every example of every overload, evaluated by the core alone, gives its hand-worked answer. */
    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsAnswerInTheCore()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                for (Example example : overload.examples()) {
                    tests.add(DynamicTest.dynamicTest(overload.signature(function.name()) + ": " + example.title(),
                            () -> MergeCheck.assertSameResult(overload.evaluate(example.rows()), example.expected(), 1e-12, example.sql(function.name(), overload))));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyOverloadHasAnExampleAndAVerbFirstDescription()
    {
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                String signature = overload.signature(function.name());
                assertThat(overload.examples()).as(signature).isNotEmpty();
                assertThat(overload.description()).as(signature).matches("^(Returns|Classifies|Computes) .*[^.]$");
            }
        }
    }

    @Test
    void namesAndSignaturesAreUnique()
    {
        Set<String> names = new HashSet<>();
        Set<String> signatures = new HashSet<>();
        for (KpiFunction function : Catalog.functions()) {
            assertThat(names.add(function.name())).as(function.name()).isTrue();
            for (Overload overload : function.overloads()) {
                assertThat(signatures.add(function.name() + "/" + overload.arguments().size())).as(overload.signature(function.name())).isTrue();
            }
        }
    }

    @Test
    void exampleSqlUsesPortableLiterals()
    {
        Overload overload = Catalog.function("nps").orElseThrow().overloads().get(0);
        Example example = new Example("t", List.of(Example.row(9L), Example.row((Object) null), Example.row(7.0)), null);
        assertThat(example.sql("nps", overload)).isEqualTo("SELECT nps(score) FROM (VALUES (9), (CAST(NULL AS BIGINT)), (7.0E0)) AS t(score)");
    }
}

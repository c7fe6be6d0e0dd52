package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.KpiException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                    String sql = example.sql(function.name(), overload);
                    tests.add(DynamicTest.dynamicTest(overload.signature(function.name()) + ": " + example.title(), () -> {
                        if (example.expected() instanceof Example.Failure failure) {
                            assertThatThrownBy(() -> overload.evaluate(example.rows()))
                                    .as(sql)
                                    .isInstanceOf(KpiException.class)
                                    .hasMessage(failure.message())
                                    .extracting(e -> ((KpiException) e).kind()).isEqualTo(failure.kind());
                        }
                        else {
                            MergeCheck.assertSameResult(overload.evaluate(example.rows()), example.expected(), 1e-12, sql);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /**
     * Split invariance for every aggregate overload (contract C6): random multisets drawn from
     * the rows of its valid examples, split into random parts and merged in random order, give
     * the answer of one pass.
     */
    @TestFactory
    Stream<DynamicTest> everyAggregateMergesLikeOnePass()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                if (overload.kind() != Kind.AGGREGATE) {
                    continue;
                }
                // one pool per example: examples differ in id types and group-constant parameters
                List<List<Object[]>> pools = new ArrayList<>();
                for (Example example : overload.examples()) {
                    List<Object[]> pool = example.rows().stream().map(row -> internal(overload, row)).filter(java.util.Objects::nonNull).toList();
                    if (!example.fails() && !pool.isEmpty()) {
                        pools.add(pool);
                    }
                }
                tests.add(DynamicTest.dynamicTest(overload.signature(function.name()), () -> {
                    java.util.Random random = new java.util.Random(function.name().hashCode());
                    for (int round = 0; round < 20; round++) {
                        List<Object[]> pool = pools.get(round % pools.size());
                        List<Object[]> rows = new ArrayList<>();
                        for (int i = random.nextInt(300); i > 0; i--) {
                            rows.add(pool.get(random.nextInt(pool.size())));
                        }
                        MergeCheck.assertSplitInvariant(overload.accumulator(), rows, round, 1e-12);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Every function that takes a value the contract can reject has an example of it. */
    @Test
    void everyRejectableArgumentHasAFailingExample()
    {
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                boolean rejectable = overload.arguments().stream()
                        .anyMatch(argument -> argument.type() == ArgType.COUNT || argument.type() == ArgType.MONEY || argument.type() == ArgType.SCORE
                                || argument.type() == ArgType.TIMESTAMP || argument.type() == ArgType.TEXT);
                if (rejectable) {
                    assertThat(overload.examples()).as(overload.signature(function.name())).anyMatch(Example::fails);
                }
            }
        }
    }

    private static Object[] internal(Overload overload, List<Object> row)
    {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < row.size(); i++) {
            if (row.get(i) == null) {
                return null;
            }
            values[i] = overload.arguments().get(i).type().toInternal(row.get(i));
        }
        return values;
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
        assertThat(example.sql("nps", overload)).isEqualTo("SELECT nps(score) FROM (VALUES (9.0E0), (CAST(NULL AS DOUBLE)), (7.0E0)) AS t(score)");
    }
}

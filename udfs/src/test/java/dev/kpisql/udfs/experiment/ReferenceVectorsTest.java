package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.MergeCheck;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.ReferenceVector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference vectors (computed by scipy, exact fractions and 50-digit arithmetic in
 * {@code src/test/python/experiments_vectors.py}) give their answers in the core, and every
 * aggregate vector split into random parts, some shipped as bytes, merged in random order gives
 * the answer of one pass to 1e-12 (contract C6), values near 1e9 included.
 * The Calcite and Trino tests run the same file.
 */
final class ReferenceVectorsTest
{
    static final Path VECTORS = Path.of("src/test/resources/experiments/reference-vectors.tsv");
    private static final Path GENERATOR = Path.of("src/test/python/experiments_vectors.py");

    @TestFactory
    Stream<DynamicTest> everyVectorGivesItsAnswerInTheCore()
    {
        return ReferenceVector.load(VECTORS).stream().map(vector -> DynamicTest.dynamicTest(vector.name(), () -> {
            Object actual = vector.overload().evaluate(vector.expandedRows());
            assertThat(vector.matches(actual)).as("%s gave %s, expected %s", vector.name(), actual, vector.expected()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyAggregateVectorMergesLikeOnePass()
    {
        return ReferenceVector.load(VECTORS).stream()
                .filter(vector -> vector.overload().kind() == Kind.AGGREGATE)
                .map(vector -> DynamicTest.dynamicTest(vector.name(), () -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (List<Object> row : vector.expandedRows()) {
                        Object[] values = new Object[row.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = vector.overload().arguments().get(i).type().toInternal(row.get(i));
                        }
                        rows.add(values);
                    }
                    MergeCheck.assertSplitInvariant(vector.overload().accumulator(), rows, new Random(vector.title().hashCode()).nextLong(), 1e-12);
                }));
    }

    @Test
    void everyOverloadOfTheSectionHasVectors()
    {
        List<ReferenceVector> vectors = ReferenceVector.load(VECTORS);
        for (KpiFunction section : ExperimentFunctions.all()) {
            KpiFunction function = Catalog.function(section.name()).orElseThrow();
            for (Overload overload : function.overloads()) {
                assertThat(vectors).as(overload.signature(function.name())).anyMatch(vector -> vector.overload() == overload);
            }
        }
    }

    /** The committed file is what the generator writes now (skipped where Python with scipy and mpmath is missing). */
    @Test
    void committedVectorsAreWhatTheGeneratorWrites()
            throws IOException, InterruptedException
    {
        assumeTrue(python("-c", "import scipy, numpy, mpmath") == 0, "python3 with scipy, numpy and mpmath is not installed");
        Path written = Files.createTempFile("reference-vectors", ".tsv");
        try {
            assertThat(python(GENERATOR.toString(), written.toString())).isZero();
            // the vectors, not the header comments (which name the library versions that wrote them)
            assertThat(vectorLines(written)).as("run python3 %s", GENERATOR).isEqualTo(vectorLines(VECTORS));
        }
        finally {
            Files.deleteIfExists(written);
        }
    }

    private static List<String> vectorLines(Path file)
            throws IOException
    {
        return Files.readAllLines(file).stream().filter(line -> !line.startsWith("#")).toList();
    }

    private static int python(String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
        catch (IOException e) {
            return -1;
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}

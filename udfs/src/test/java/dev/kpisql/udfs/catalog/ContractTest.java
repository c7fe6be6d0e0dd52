package dev.kpisql.udfs.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The catalog holds exactly the signatures of the contract, {@code shared/spec/functions.md},
 * read from the contract itself (it sits beside the repository).
 */
class ContractTest
{
    private static final Pattern SIGNATURE = Pattern.compile("^\\| `([a-z_]+)\\(([a-z_, ]*)\\)`", Pattern.MULTILINE);

    @Test
    void catalogHasExactlyTheContractsSignatures()
            throws IOException
    {
        Path contract = Path.of("..", "..", "shared", "spec", "functions.md").toAbsolutePath().normalize();
        assumeTrue(Files.exists(contract), "the contract is not beside the repository: " + contract);

        Set<String> expected = new TreeSet<>();
        Matcher matcher = SIGNATURE.matcher(Files.readString(contract));
        while (matcher.find()) {
            expected.add(matcher.group(1) + "(" + matcher.group(2).replace(" ", "") + ")");
        }
        assertThat(expected).hasSize(50);

        Set<String> actual = new TreeSet<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                actual.add(function.name() + "(" + String.join(",", overload.arguments().stream().map(Argument::name).toList()) + ")");
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void catalogHasFortyOneFunctions()
    {
        assertThat(Catalog.functions()).hasSize(41);
    }
}

package dev.kpisql.udfs.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The catalog holds exactly the signatures of the contract, {@code shared/spec/functions.md},
 * read from the contract itself (it sits beside the repository), section by section. A section
 * that is in the contract but not built yet is named in {@link #NOT_BUILT}: its functions must
 * then be absent from the catalog. When every section is built the set is empty and the
 * comparison is exact over the whole file.
 */
class ContractTest
{
    /** Headings (without "## ") of the contract's sections that the catalog does not hold yet. */
    private static final Set<String> NOT_BUILT = Set.of();

    private static final Pattern SECTION = Pattern.compile("^## (.+)$", Pattern.MULTILINE);
    private static final Pattern SIGNATURE = Pattern.compile("^\\| `([a-z_]+)\\(([a-z_, ]*)\\)`", Pattern.MULTILINE);

    @Test
    void catalogHasExactlyTheSignaturesOfTheBuiltSections()
            throws IOException
    {
        Map<String, Set<String>> sections = contractSections();
        assumeTrue(sections != null, "the contract is not beside the repository");
        if (!NOT_BUILT.isEmpty()) {
            assertThat(sections.keySet()).as("every section named as not built is in the contract").containsAll(NOT_BUILT);
        }

        Set<String> built = new TreeSet<>();
        Set<String> notBuilt = new TreeSet<>();
        sections.forEach((section, signatures) -> (NOT_BUILT.contains(section) ? notBuilt : built).addAll(signatures));

        Set<String> actual = catalogSignatures();
        assertThat(actual).containsExactlyElementsOf(built);
        if (!notBuilt.isEmpty()) {
            assertThat(actual).doesNotContainAnyElementsOf(notBuilt);
        }
    }

    @Test
    void catalogHasOneFunctionPerNameOfTheBuiltSections()
            throws IOException
    {
        Map<String, Set<String>> sections = contractSections();
        assumeTrue(sections != null, "the contract is not beside the repository");
        Set<String> names = new TreeSet<>();
        sections.forEach((section, signatures) -> {
            if (!NOT_BUILT.contains(section)) {
                signatures.forEach(signature -> names.add(signature.substring(0, signature.indexOf('('))));
            }
        });
        assertThat(Catalog.functions()).extracting(KpiFunction::name).containsExactlyInAnyOrderElementsOf(names);
    }

    /** Each section's signatures, {@code name(arg,arg)}, or null when the contract is not there. */
    private static Map<String, Set<String>> contractSections()
            throws IOException
    {
        Path contract = Path.of("..", "..", "shared", "spec", "functions.md").toAbsolutePath().normalize();
        if (!Files.exists(contract)) {
            return null;
        }
        String text = Files.readString(contract);
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        Matcher heading = SECTION.matcher(text);
        int start = -1;
        String title = null;
        while (true) {
            boolean found = heading.find();
            if (title != null) {
                sections.put(title, signatures(text.substring(start, found ? heading.start() : text.length())));
            }
            if (!found) {
                return sections;
            }
            title = heading.group(1).trim();
            start = heading.end();
        }
    }

    private static Set<String> signatures(String section)
    {
        Set<String> signatures = new TreeSet<>();
        Matcher matcher = SIGNATURE.matcher(section);
        while (matcher.find()) {
            signatures.add(matcher.group(1) + "(" + matcher.group(2).replace(" ", "") + ")");
        }
        return signatures;
    }

    private static Set<String> catalogSignatures()
    {
        Set<String> actual = new TreeSet<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                actual.add(function.name() + "(" + String.join(",", overload.arguments().stream().map(Argument::name).toList()) + ")");
            }
        }
        return actual;
    }
}

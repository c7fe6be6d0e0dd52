package dev.kpisql.udfs.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed documentation is what the catalog renders now. */
class FunctionDocsTest
{
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void functionsMarkdownIsCurrent()
            throws IOException
    {
        assertThat(Files.readString(ROOT.resolve("docs/functions.md"), StandardCharsets.UTF_8))
                .as("docs/functions.md is stale: run ./kpi docs")
                .isEqualTo(FunctionDocs.functionsMarkdown());
    }

    @Test
    void badInputsMarkdownIsCurrent()
            throws IOException
    {
        assertThat(Files.readString(ROOT.resolve("docs/bad-inputs.md"), StandardCharsets.UTF_8))
                .as("docs/bad-inputs.md is stale: run ./kpi docs")
                .isEqualTo(FunctionDocs.badInputsMarkdown());
    }

    @Test
    void readmeFunctionTableIsCurrent()
            throws IOException
    {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme)
                .as("the function table in README.md is stale: run ./kpi docs")
                .isEqualTo(FunctionDocs.withTable(readme));
    }
}

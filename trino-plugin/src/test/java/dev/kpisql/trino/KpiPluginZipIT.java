package dev.kpisql.trino;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Trino line's plugin zip ({@code kpi.zip}, e.g. {@code kpi-trino-plugin-0.2.0-trino476.zip})
 * bundles what the plugin needs and nothing the server provides: the adapter (the line's
 * {@code kpi.artifact}), the core, Guava with its run-time companion, and Apache Commons
 * Statistics with the Commons Numbers and RNG jars it needs. The list is the one README.md and
 * docs/trino.md show. Runs after {@code package} (failsafe), in each line's module.
 */
final class KpiPluginZipIT
{
    @Test
    void zipHoldsOneFolderWithExactlyThePluginsJars()
            throws IOException
    {
        String version = System.getProperty("kpi.version");
        String adapter = System.getProperty("kpi.artifact");
        Path file = Path.of(System.getProperty("kpi.zip"));
        String name = file.getFileName().toString();
        assertThat(name).matches("kpi-trino-plugin-" + version.replace(".", "\\.") + "-trino4[0-9][0-9]\\.zip");
        String folder = name.substring(0, name.length() - ".zip".length()) + "/";
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    entries.add(entry.getName());
                }
            }
        }
        assertThat(entries).containsExactlyInAnyOrder(
                folder + adapter + "-" + version + ".jar",
                folder + adapter + "-" + version + "-services.jar",
                folder + "kpi-udfs-" + version + ".jar",
                folder + "guava-33.4.8-jre.jar",
                folder + "failureaccess-1.0.3.jar",
                folder + "commons-statistics-distribution-1.3.jar",
                folder + "commons-numbers-core-1.3.jar",
                folder + "commons-numbers-gamma-1.3.jar",
                folder + "commons-numbers-fraction-1.3.jar",
                folder + "commons-numbers-combinatorics-1.3.jar",
                folder + "commons-numbers-rootfinder-1.3.jar",
                folder + "commons-rng-client-api-1.6.jar",
                folder + "commons-rng-sampling-1.6.jar");
    }
}

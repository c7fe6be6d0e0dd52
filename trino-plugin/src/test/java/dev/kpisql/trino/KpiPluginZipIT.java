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
 * The plugin zip bundles what the plugin needs and nothing the server provides: the adapter, the
 * core, Guava with its run-time companion, and Apache Commons Statistics with the Commons Numbers
 * and RNG jars it needs. The list is the one README.md and docs/trino.md
 * show. Runs after {@code package} (failsafe).
 */
final class KpiPluginZipIT
{
    @Test
    void zipHoldsOneFolderWithExactlyThePluginsJars()
            throws IOException
    {
        String version = System.getProperty("kpi.version", "0.2.0");
        String folder = "kpi-trino-plugin-" + version + "/";
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(Path.of("target", "kpi-trino-plugin-" + version + ".zip").toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    entries.add(entry.getName());
                }
            }
        }
        assertThat(entries).containsExactlyInAnyOrder(
                folder + "kpi-trino-plugin-" + version + ".jar",
                folder + "kpi-trino-plugin-" + version + "-services.jar",
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

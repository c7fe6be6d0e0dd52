package dev.kpisql.trino;

import io.trino.spi.Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Trino line a plugin zip was built for, and the check made when a server loads it. Trino
 * does not compare a function plugin's SPI with its own: a zip built for another line fails
 * later, at query time ({@code NoSuchMethodError}) or at start. So the plugin says at load which
 * Trino it was built for and which it runs on, and warns — never throws, since an exception in a
 * plugin stops the whole server — when the running Trino is outside the span the zip was built
 * and tested for. The build writes {@code kpi-trino.properties} (the version and span of the line
 * from its pom); the running version is the one the SPI jar states ({@link #runningTrino}).
 *
 * @param kpiVersion kpi-sql's version, e.g. 0.2.0
 * @param builtFor the Trino version whose SPI the adapter was compiled against
 * @param first the lowest Trino version of the zip's span
 * @param last the highest Trino version of the zip's span
 */
public record TrinoLine(String kpiVersion, int builtFor, int first, int last)
{
    private static final Logger LOG = Logger.getLogger(KpiPlugin.class.getName());
    private static final String RESOURCE = "kpi-trino.properties";

    /** What the plugin logs at load, and at which level. */
    public record LoadMessage(Level level, String text) {}

    /** The line of the classes on the class path, or null when the build wrote no properties. */
    public static TrinoLine ofThisBuild()
    {
        try (InputStream in = TrinoLine.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return new TrinoLine(
                    properties.getProperty("kpi.version", "?"),
                    Integer.parseInt(properties.getProperty("built.for").trim()),
                    Integer.parseInt(properties.getProperty("span.first").trim()),
                    Integer.parseInt(properties.getProperty("span.last").trim()));
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The Trino version the SPI on the class path belongs to, e.g. "476", or null when unknown:
     * the SPI jar's own {@code io/trino/spi/trino-spi-version.txt} (every release since 468 has
     * it), else its manifest's {@code Implementation-Version}.
     */
    public static String runningTrino()
    {
        try (InputStream in = Plugin.class.getResourceAsStream("trino-spi-version.txt")) {
            if (in != null) {
                String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!version.isEmpty()) {
                    return version;
                }
            }
        }
        catch (IOException e) {
            // fall back to the manifest
        }
        Package spi = Plugin.class.getPackage();
        return spi == null ? null : spi.getImplementationVersion();
    }

    /** Logs the line and the running Trino; a warning when they do not fit. Never throws. */
    static void logAtLoad()
    {
        try {
            LoadMessage message = message(ofThisBuild(), runningTrino());
            LOG.log(message.level(), message.text());
        }
        catch (RuntimeException e) {
            LOG.log(Level.WARNING, "kpi-sql: could not check the Trino version: " + e);
        }
    }

    /**
     * The message for a build's line and a running Trino version (as the SPI states it, e.g.
     * "476", or a vendor's "476-e.3"): INFO inside the span, WARNING outside it or when either
     * side is unknown.
     */
    public static LoadMessage message(TrinoLine line, String running)
    {
        if (line == null) {
            return new LoadMessage(Level.WARNING, "kpi-sql: this build does not say which Trino it was built for (no " + RESOURCE + "), running on Trino " + running);
        }
        String built = "kpi-sql " + line.kpiVersion() + " for Trino " + line.first() + " to " + line.last() + " (built against Trino " + line.builtFor() + ")";
        Integer version = leadingNumber(running);
        if (version == null) {
            return new LoadMessage(Level.WARNING, built + ": cannot tell which Trino this is (its SPI says '" + running + "'); if queries fail with NoSuchMethodError, use the zip for your Trino (docs/trino.md)");
        }
        if (version < line.first() || version > line.last()) {
            return new LoadMessage(Level.WARNING, built + " is running on Trino " + running + ", outside the versions it was built and tested for: "
                    + "queries may fail with NoSuchMethodError or AbstractMethodError; use the zip for your Trino or build one with ./kpi build --trino " + version + " (docs/trino.md)");
        }
        return new LoadMessage(Level.INFO, built + " is running on Trino " + running);
    }

    private static Integer leadingNumber(String version)
    {
        if (version == null) {
            return null;
        }
        int end = 0;
        while (end < version.length() && end < 9 && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Integer.parseInt(version.substring(0, end));
    }
}

package dev.kpisql.trino;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The plugin says at load which Trino line it was built for and which Trino it runs on, and
 * warns, without throwing, outside the line's span. The expected versions come from the build
 * of the module running the test ({@code kpi.trino.built.for}, {@code kpi.trino.version}), not
 * from the plugin.
 */
final class TestPluginVersion
{
    @Test
    void pluginLogsTheLineItWasBuiltForAndTheTrinoItRunsOn()
    {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler()
        {
            @Override
            public void publish(LogRecord record)
            {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(KpiPlugin.class.getName());
        logger.addHandler(handler);
        try {
            new KpiPlugin();
        }
        finally {
            logger.removeHandler(handler);
        }
        String builtFor = System.getProperty("kpi.trino.built.for");
        String running = System.getProperty("kpi.trino.version");
        assertThat(records).hasSize(1);
        LogRecord record = records.get(0);
        assertThat(record.getLevel()).isEqualTo(Level.INFO);
        assertThat(record.getMessage())
                .contains("(built against Trino " + builtFor + ")")
                .endsWith("is running on Trino " + running);
    }

    @Test
    void buildKnowsItsLine()
    {
        TrinoLine line = TrinoLine.ofThisBuild();
        assertThat(line).isNotNull();
        assertThat(line.builtFor()).isEqualTo(Integer.parseInt(System.getProperty("kpi.trino.built.for")));
        assertThat(line.first()).isLessThanOrEqualTo(line.builtFor());
        assertThat(line.last()).isGreaterThanOrEqualTo(Integer.parseInt(System.getProperty("kpi.trino.version")));
        assertThat(TrinoLine.runningTrino()).isEqualTo(System.getProperty("kpi.trino.version"));
    }

    @Test
    void insideTheSpanIsInformation()
    {
        TrinoLine line = new TrinoLine("0.2.0", 476, 476, 483);
        assertThat(TrinoLine.message(line, "476")).isEqualTo(new TrinoLine.LoadMessage(Level.INFO,
                "kpi-sql 0.2.0 for Trino 476 to 483 (built against Trino 476) is running on Trino 476"));
        assertThat(TrinoLine.message(line, "483").level()).isEqualTo(Level.INFO);
        assertThat(TrinoLine.message(line, "480-e.1").level()).isEqualTo(Level.INFO);
    }

    @Test
    void outsideTheSpanIsAWarningNamingBothVersions()
    {
        TrinoLine line = new TrinoLine("0.2.0", 476, 476, 483);
        for (String running : List.of("475", "484", "468")) {
            TrinoLine.LoadMessage message = TrinoLine.message(line, running);
            assertThat(message.level()).isEqualTo(Level.WARNING);
            assertThat(message.text())
                    .startsWith("kpi-sql 0.2.0 for Trino 476 to 483 (built against Trino 476) is running on Trino " + running + ", outside")
                    .contains("./kpi build --trino " + running);
        }
    }

    @Test
    void unknownVersionsAreWarningsNeverErrors()
    {
        TrinoLine line = new TrinoLine("0.2.0", 468, 468, 475);
        assertThat(TrinoLine.message(line, null).level()).isEqualTo(Level.WARNING);
        assertThat(TrinoLine.message(line, "dev-SNAPSHOT").text()).contains("cannot tell which Trino this is (its SPI says 'dev-SNAPSHOT')");
        assertThat(TrinoLine.message(null, "476").level()).isEqualTo(Level.WARNING);
        assertThatCode(TrinoLine::logAtLoad).doesNotThrowAnyException();
    }
}

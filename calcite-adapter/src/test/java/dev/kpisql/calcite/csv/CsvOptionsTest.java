package dev.kpisql.calcite.csv;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class CsvOptionsTest
{
    @Test
    void aConnectionPropertyComesBeforeASystemPropertyWhichComesBeforeTheDefault()
    {
        String before = System.getProperty(CsvOptions.THREADS);
        try {
            System.setProperty(CsvOptions.THREADS, "3");
            Properties connection = new Properties();
            assertThat(CsvOptions.from(connection).threads()).isEqualTo(3);
            connection.setProperty(CsvOptions.THREADS, "5");
            assertThat(CsvOptions.from(connection).threads()).isEqualTo(5);
            assertThat(CsvOptions.from(Map.of(CsvOptions.THREADS, 7)).threads()).isEqualTo(7);
        }
        finally {
            if (before == null) {
                System.clearProperty(CsvOptions.THREADS);
            }
            else {
                System.setProperty(CsvOptions.THREADS, before);
            }
        }
    }

    @Test
    void theDefaultsAreEveryCoreTheRuleOnAndColumnsKept()
    {
        // unless this JVM's environment sets them
        if (System.getenv("KPI_THREADS") == null && System.getProperty(CsvOptions.THREADS) == null) {
            assertThat(CsvOptions.from(new Properties()).threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
        if (System.getenv("KPI_PUSHDOWN") == null && System.getenv("KPI_CACHE") == null) {
            assertThat(CsvOptions.from(new Properties()).pushdown()).isTrue();
            assertThat(CsvOptions.from(new Properties()).cache()).isTrue();
        }
        assertThat(CsvOptions.from(new Properties()).splitBytes()).isZero();
    }

    @Test
    void booleansAreTrueFalseOnOrOffInAnyCase()
    {
        for (String on : new String[] {"true", "TRUE", "on", "On", " on "}) {
            assertThat(CsvOptions.from(Map.of(CsvOptions.PUSHDOWN, on)).pushdown()).as(on).isTrue();
        }
        for (String off : new String[] {"false", "False", "off", "OFF"}) {
            assertThat(CsvOptions.from(Map.of(CsvOptions.CACHE, off)).cache()).as(off).isFalse();
        }
    }

    @Test
    void aBadValueIsAnErrorNamingTheSetting()
    {
        assertThatThrownBy(() -> CsvOptions.from(Map.of(CsvOptions.THREADS, "0")))
                .hasMessage("kpi.threads must be a positive integer up to 4096: '0'");
        assertThatThrownBy(() -> CsvOptions.from(Map.of(CsvOptions.SPLIT_BYTES, "-1")))
                .hasMessage("kpi.splitBytes must be a positive integer: '-1'");
        assertThatThrownBy(() -> CsvOptions.from(Map.of(CsvOptions.CACHE, "yes")))
                .hasMessage("kpi.cache must be true or false (on or off): 'yes'");
    }

    @Test
    void onlyItsOwnSettingsAreKeptFromCalcite()
    {
        assertThat(CsvOptions.isSetting("kpi.threads")).isTrue();
        assertThat(CsvOptions.isSetting("kpi.pushdown")).isTrue();
        assertThat(CsvOptions.isSetting("conformance")).isFalse();
    }
}

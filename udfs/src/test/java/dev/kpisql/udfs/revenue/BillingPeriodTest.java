package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.KpiException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The byte path reads a billing period exactly as the String path does. */
final class BillingPeriodTest
{
    private static double fromBytes(String period)
    {
        // inside a larger array, as an engine's buffer holds it
        byte[] text = period.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[text.length + 6];
        System.arraycopy(text, 0, buffer, 3, text.length);
        return BillingPeriod.monthlyFactor("mrr", buffer, 3, text.length);
    }

    @Test
    void everyNameInAnyCaseAndWithBlanksGivesTheStringPathsFactor()
    {
        for (String name : BillingPeriod.ALLOWED.split(", ")) {
            for (String variant : List.of(name, name.toUpperCase(Locale.ROOT), " " + name + "\t", Character.toUpperCase(name.charAt(0)) + name.substring(1))) {
                assertThat(fromBytes(variant)).as(variant).isEqualTo(BillingPeriod.monthlyFactor("mrr", variant));
            }
        }
        // by hand: a year is a twelfth, a week 52/12 of a month
        assertThat(fromBytes("Annual")).isEqualTo(1.0 / 12);
        assertThat(fromBytes("week")).isEqualTo(52.0 / 12);
    }

    @Test
    void nonAsciiTextIsReadAsTheStringPathReadsIt()
    {
        // the Kelvin sign lower-cases to an ASCII k
        assertThat(fromBytes("WEE\u212A")).isEqualTo(52.0 / 12);
    }

    @Test
    void anUnknownPeriodFailsWithTheSameMessage()
    {
        assertThatThrownBy(() -> fromBytes("fortnight"))
                .isInstanceOf(KpiException.class)
                .hasMessage("mrr: billing_period 'fortnight' is unknown; allowed: " + BillingPeriod.ALLOWED);
        assertThatThrownBy(() -> fromBytes(""))
                .isInstanceOf(KpiException.class)
                .hasMessage("mrr: billing_period '' is unknown; allowed: " + BillingPeriod.ALLOWED);
    }
}

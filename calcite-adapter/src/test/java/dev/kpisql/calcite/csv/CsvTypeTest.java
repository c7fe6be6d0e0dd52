package dev.kpisql.calcite.csv;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static dev.kpisql.calcite.csv.CsvType.BIGINT;
import static dev.kpisql.calcite.csv.CsvType.BOOLEAN;
import static dev.kpisql.calcite.csv.CsvType.DATE;
import static dev.kpisql.calcite.csv.CsvType.DOUBLE;
import static dev.kpisql.calcite.csv.CsvType.TIMESTAMP;
import static dev.kpisql.calcite.csv.CsvType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

final class CsvTypeTest
{
    @Test
    void integersThatFitALongAreBigint()
    {
        assertThat(CsvType.of("0")).isEqualTo(BIGINT);
        assertThat(CsvType.of("-7")).isEqualTo(BIGINT);
        assertThat(CsvType.of("+7")).isEqualTo(BIGINT);
        assertThat(CsvType.of("007")).isEqualTo(BIGINT);
        assertThat(CsvType.of("9223372036854775807")).isEqualTo(BIGINT);
        assertThat(CsvType.of("-9223372036854775808")).isEqualTo(BIGINT);
        assertThat(BIGINT.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(BIGINT.parse("+42")).isEqualTo(42L);
        assertThat(BIGINT.parse("123456789012345678")).isEqualTo(123_456_789_012_345_678L);
    }

    @Test
    void integersBeyondALongAreDouble()
    {
        assertThat(CsvType.of("9223372036854775808")).isEqualTo(DOUBLE);
        assertThat(CsvType.of("-9223372036854775809")).isEqualTo(DOUBLE);
        assertThat(BIGINT.parse("9223372036854775808")).isNull();
    }

    @Test
    void javaDecimalSyntaxNanAndInfinityAreDouble()
    {
        for (String text : new String[] {"1.5", "-1.5", "+1.5", "1.", ".5", "1e3", "1E-3", "-2.5e+10", "NaN", "Infinity", "-Infinity"}) {
            assertThat(CsvType.of(text)).as(text).isEqualTo(DOUBLE);
            assertThat(DOUBLE.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void textThatOnlyLooksNumericIsVarchar()
    {
        // Double.parseDouble accepts some of these (suffixes, hex, spaces); a CSV column should not
        for (String text : new String[] {"-", "+", ".", "1e", "1e+", "e5", "1.2.3", "1,5", "0x10", "1d", "1f", " 1", "1 ", "inf", "nan", "1_000"}) {
            assertThat(CsvType.of(text)).as(text).isEqualTo(VARCHAR);
            assertThat(DOUBLE.parse(text)).as(text).isNull();
            assertThat(BIGINT.parse(text)).as(text).isNull();
        }
    }

    @Test
    void decimalsParseToTheSameDoubleAsTheJdk()
    {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            text.setLength(0);
            if (random.nextInt(4) == 0) {
                text.append('-');
            }
            int integerDigits = random.nextInt(10);
            int fractionDigits = random.nextInt(integerDigits == 0 ? 20 : 21 - integerDigits) + (integerDigits == 0 ? 1 : 0);
            for (int d = 0; d < integerDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            text.append('.');
            for (int d = 0; d < fractionDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            String value = text.toString();
            assertThat(Double.doubleToRawLongBits((Double) DOUBLE.parse(value)))
                    .as(value)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(value)));
        }
    }

    @Test
    void negativeZeroStaysNegative()
    {
        assertThat(Double.doubleToRawLongBits((Double) DOUBLE.parse("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void trueAndFalseInAnyCaseAreBoolean()
    {
        assertThat(CsvType.of("true")).isEqualTo(BOOLEAN);
        assertThat(CsvType.of("FALSE")).isEqualTo(BOOLEAN);
        assertThat(BOOLEAN.parse("True")).isEqualTo(true);
        assertThat(BOOLEAN.parse("fAlSe")).isEqualTo(false);
        assertThat(CsvType.of("yes")).isEqualTo(VARCHAR);
        assertThat(CsvType.of("t")).isEqualTo(VARCHAR);
        assertThat(CsvType.of("1")).isEqualTo(BIGINT);
    }

    @Test
    void realDatesAreDateAndOthersVarchar()
    {
        assertThat(CsvType.of("2025-01-31")).isEqualTo(DATE);
        assertThat(CsvType.of("2024-02-29")).isEqualTo(DATE);
        assertThat(CsvType.of("2000-02-29")).isEqualTo(DATE);
        for (String text : new String[] {"2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                "2025-1-01", "25-01-01", "2025/01/01", "2025-01-011", "2025-01-1x"}) {
            assertThat(CsvType.of(text)).as(text).isEqualTo(VARCHAR);
            assertThat(DATE.parse(text)).as(text).isNull();
        }
        assertThat(CsvType.of("20250101")).isEqualTo(BIGINT);
    }

    @Test
    void dateIsDaysSinceTheEpochLikeLocalDate()
    {
        for (LocalDate day = LocalDate.of(1600, 1, 1); day.getYear() < 2400; day = day.plusDays(1)) {
            assertThat(DATE.parse(day.toString())).isEqualTo((int) day.toEpochDay());
        }
        assertThat(DATE.parse("0000-01-01")).isEqualTo((int) LocalDate.of(0, 1, 1).toEpochDay());
        assertThat(DATE.parse("9999-12-31")).isEqualTo((int) LocalDate.of(9999, 12, 31).toEpochDay());
        assertThat(DATE.parse("1970-01-01")).isEqualTo(0);
    }

    @Test
    void timestampsAreMillisecondsSinceTheEpochAsWallClockTime()
    {
        assertThat(CsvType.of("2025-01-31 10:00:00")).isEqualTo(TIMESTAMP);
        assertThat(TIMESTAMP.parse("2025-01-31 10:00:00")).isEqualTo(millis("2025-01-31T10:00:00"));
        assertThat(TIMESTAMP.parse("2025-01-31T10:00:00")).isEqualTo(millis("2025-01-31T10:00:00"));
        assertThat(TIMESTAMP.parse("2025-01-31 10:00:00.5")).isEqualTo(millis("2025-01-31T10:00:00.500"));
        assertThat(TIMESTAMP.parse("2025-01-31 10:00:00.05")).isEqualTo(millis("2025-01-31T10:00:00.050"));
        assertThat(TIMESTAMP.parse("2025-01-31 23:59:59.999")).isEqualTo(millis("2025-01-31T23:59:59.999"));
        assertThat(TIMESTAMP.parse("1969-12-31 23:59:59")).isEqualTo(-1000L);
    }

    @Test
    void timestampsOutOfRangeOrWithMoreThanMillisecondsAreVarchar()
    {
        for (String text : new String[] {"2025-01-31 24:00:00", "2025-01-31 10:60:00", "2025-01-31 10:00:60", "2025-02-30 10:00:00",
                "2025-01-31 10:00", "2025-01-31 10:00:00.", "2025-01-31 10:00:00.1234", "2025-01-31 10:00:00,5",
                "2025-01-31_10:00:00", "2025-01-31 10:00:00Z", "2025-01-31 1:00:00"}) {
            assertThat(CsvType.of(text)).as(text).isEqualTo(VARCHAR);
            assertThat(TIMESTAMP.parse(text)).as(text).isNull();
        }
    }

    @Test
    void numbersWidenToDoubleAndDatesToTimestamp()
    {
        assertThat(BIGINT.widen(DOUBLE)).isEqualTo(DOUBLE);
        assertThat(DOUBLE.widen(BIGINT)).isEqualTo(DOUBLE);
        assertThat(DATE.widen(TIMESTAMP)).isEqualTo(TIMESTAMP);
        assertThat(TIMESTAMP.widen(DATE)).isEqualTo(TIMESTAMP);
        for (CsvType type : CsvType.values()) {
            assertThat(type.widen(type)).isEqualTo(type);
            assertThat(type.widen(VARCHAR)).isEqualTo(VARCHAR);
        }
    }

    @Test
    void anyOtherMixIsVarchar()
    {
        assertThat(BIGINT.widen(BOOLEAN)).isEqualTo(VARCHAR);
        assertThat(BIGINT.widen(DATE)).isEqualTo(VARCHAR);
        assertThat(DOUBLE.widen(TIMESTAMP)).isEqualTo(VARCHAR);
        assertThat(BOOLEAN.widen(DATE)).isEqualTo(VARCHAR);
        assertThat(DATE.widen(DOUBLE)).isEqualTo(VARCHAR);
    }

    @Test
    void aWidenedColumnReadsTheNarrowerValues()
    {
        assertThat(DOUBLE.parse("7")).isEqualTo(7.0);
        assertThat(TIMESTAMP.parse("2025-01-31")).isEqualTo(millis("2025-01-31T00:00:00"));
        assertThat(BIGINT.parse("1.5")).isNull();
        assertThat(DATE.parse("2025-01-31 00:00:00")).isNull();
        assertThat(VARCHAR.parse("anything")).isEqualTo("anything");
    }

    private static long millis(String isoDateTime)
    {
        return LocalDateTime.parse(isoDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}

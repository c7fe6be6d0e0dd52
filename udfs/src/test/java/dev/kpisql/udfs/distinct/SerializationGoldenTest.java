package dev.kpisql.udfs.distinct;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serialized forms of the hand-written states, byte for byte as their format documents them
 * (big-endian, version byte first): Trino ships these bytes between workers and spools them to
 * disk, so a change of format must be deliberate and bump the version.
 */
final class SerializationGoldenTest
{
    private static byte[] hex(String text)
    {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void dauMauStateWithBigintIds()
    {
        DistinctAccumulator state = new DistinctAccumulator(DistinctAccumulator.Kpi.DAU_MAU);
        state.addActivity(7L, 20_000);
        state.addActivity(7L, 20_001);
        byte[] expected = hex(""
                + "01"                                   // version
                + "05"                                   // DAU_MAU
                + "0000000000000002"                     // rows
                + "0000000000000000 0000000000000000"    // sum and its error: unused
                + "00004e20 00004e21"                    // first and last day: 20000, 20001
                + "01 00000001 0000000000000007"         // users: BIGINT ids, one: 7
                + "00 00000000"                          // second set: empty
                + "00000002 0000000000004e20 0000000000004e21"); // (user ordinal 0, day) pairs
        assertThat(state.serialize()).isEqualTo(expected);
        DistinctAccumulator read = DistinctAccumulator.deserialize(expected);
        assertThat(read.serialize()).isEqualTo(expected);
        // 2 active days of 1 user over a 2-day period
        assertThat(read.result()).isEqualTo(100.0);
    }

    @Test
    void arpuStateWithVarcharIds()
    {
        DistinctAccumulator state = new DistinctAccumulator(DistinctAccumulator.Kpi.ARPU_BY_USER);
        byte[] user = "u1".getBytes(StandardCharsets.UTF_8);
        state.addRevenue(10.0, user, 0, user.length);
        byte[] expected = hex(""
                + "01 00"                                // version, ARPU_BY_USER
                + "0000000000000001"                     // rows
                + "4024000000000000 0000000000000000"    // sum 10.0, error 0
                + "7fffffff 80000000"                    // no day yet
                + "02 00000001 00000002 7531"            // users: VARCHAR ids, one: "u1"
                + "00 00000000"
                + "00000000");
        assertThat(state.serialize()).isEqualTo(expected);
        assertThat(DistinctAccumulator.deserialize(expected).result()).isEqualTo(10.0);
    }

    @Test
    void distinctStateOfAnotherVersionIsRejected()
    {
        byte[] bytes = new DistinctAccumulator(DistinctAccumulator.Kpi.DAU_MAU).serialize();
        bytes[0] = 2;
        assertThatThrownBy(() -> DistinctAccumulator.deserialize(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serialized distinct state has unknown version 2, expected 1");
    }

    @Test
    void emptyApproxDauMauState()
    {
        byte[] expected = hex(""
                + "01"                                   // version
                + "0000000000000000"                     // rows
                + "7fffffff 80000000"                    // no day yet
                + "10 00 00000000"                       // users: precision 16, sparse, no hash
                + "10 00 00000000");                     // (user, day) pairs: the same
        assertThat(new ApproxDauMauAccumulator().serialize()).isEqualTo(expected);
        assertThat(ApproxDauMauAccumulator.deserialize(expected).result()).isNull();
    }

    @Test
    void approxDauMauStateRoundTripsAndRejectsAnotherVersion()
    {
        ApproxDauMauAccumulator state = new ApproxDauMauAccumulator();
        for (int user = 0; user < 10_000; user++) {
            state.add(user, 20_000 + user % 30);
        }
        byte[] bytes = state.serialize();
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(ApproxDauMauAccumulator.deserialize(bytes).serialize()).isEqualTo(bytes);
        assertThat(ApproxDauMauAccumulator.deserialize(bytes).result()).isEqualTo(state.result());
        bytes[0] = 9;
        assertThatThrownBy(() -> ApproxDauMauAccumulator.deserialize(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serialized approx_dau_mau state has unknown version 9, expected 1");
    }
}

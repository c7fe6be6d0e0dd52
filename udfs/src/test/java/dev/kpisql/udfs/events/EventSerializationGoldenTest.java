package dev.kpisql.udfs.events;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serialized forms of the event states, byte for byte as their format documents them
 * (big-endian, version byte first): Trino ships these between workers and spools them to disk, so
 * a change of format must be deliberate and bump the version.
 */
final class EventSerializationGoldenTest
{
    private static byte[] hex(String text)
    {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void windowFunnelState()
    {
        WindowFunnelAccumulator state = new WindowFunnelAccumulator();
        // arriving out of order: written sorted
        state.add(3600, AmountType.BIGINT, 2_000_000, Clock.TIMESTAMP, 0b10, 2, "strict_order");
        state.add(3600, AmountType.BIGINT, 1_000_000, Clock.TIMESTAMP, 0b01, 2, "strict_order");
        byte[] expected = hex(""
                + "01 01"                                        // version, seen
                + "00 01"                                        // clock TIMESTAMP, window BIGINT
                + "0000000000000e10 00000000d693a400"            // window as given (3600 s) and in microseconds
                + "02"                                           // steps
                + "0000000c 7374726963745f6f72646572"            // mode 'strict_order'
                + "00000002"                                     // rows
                + "00000000000f4240 00000001"                    // 1 s, step 1
                + "00000000001e8480 00000002");                  // 2 s, step 2
        assertThat(state.serialize()).isEqualTo(expected);
        WindowFunnelAccumulator read = WindowFunnelAccumulator.deserialize(expected);
        assertThat(read.serialize()).isEqualTo(expected);
        assertThat(read.result()).isEqualTo(2);
    }

    @Test
    void emptyWindowFunnelStateIsNull()
    {
        byte[] expected = hex("01 00 00 01 0000000000000000 0000000000000000 00 00000000 00000000");
        assertThat(new WindowFunnelAccumulator().serialize()).isEqualTo(expected);
        assertThat(WindowFunnelAccumulator.deserialize(expected).result()).isNull();
    }

    @Test
    void sequenceState()
    {
        SequenceAccumulator state = new SequenceAccumulator(SequenceAccumulator.Kind.MATCH);
        state.add("(?1)", 7, Clock.BIGINT, 1, 2);
        // a row with no true condition is no event
        state.add("(?1)", 8, Clock.BIGINT, 0, 2);
        byte[] expected = hex(""
                + "01 00 01"                                     // version, MATCH, seen
                + "01 02"                                        // clock BIGINT, conditions
                + "00000004 283f3129"                            // pattern '(?1)'
                + "00000001 0000000000000007 00000001");         // one event: 7, condition 1
        assertThat(state.serialize()).isEqualTo(expected);
        SequenceAccumulator read = SequenceAccumulator.deserialize(expected);
        assertThat(read.serialize()).isEqualTo(expected);
        assertThat(read.result()).isEqualTo(true);
    }

    @Test
    void sessionCountState()
    {
        SessionCountAccumulator state = new SessionCountAccumulator();
        state.add(10_000_000, Clock.TIMESTAMP, 1_800_000, AmountType.INTERVAL);
        state.add(0, Clock.TIMESTAMP, 1_800_000, AmountType.INTERVAL);
        byte[] expected = hex(""
                + "01 01"                                        // version, seen
                + "00 00"                                        // clock TIMESTAMP, gap INTERVAL
                + "00000000001b7740 000000006b49d200"            // gap as given (1800000 ms) and in microseconds
                + "00000001"                                     // one session
                + "0000000000000000"                             // its start
                + "0000000000989680");                           // its end, 10 s
        assertThat(state.serialize()).isEqualTo(expected);
        SessionCountAccumulator read = SessionCountAccumulator.deserialize(expected);
        assertThat(read.serialize()).isEqualTo(expected);
        assertThat(read.result()).isEqualTo(1);
    }

    @Test
    void otherVersionsAndTruncatedBytesAreRejected()
    {
        byte[] funnel = new WindowFunnelAccumulator().serialize();
        funnel[0] = 2;
        assertThatThrownBy(() -> WindowFunnelAccumulator.deserialize(funnel)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serialized window_funnel state has unknown version 2, expected 1");
        byte[] sequence = new SequenceAccumulator(SequenceAccumulator.Kind.COUNT).serialize();
        assertThatThrownBy(() -> SequenceAccumulator.deserialize(java.util.Arrays.copyOf(sequence, sequence.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt serialized state: truncated");
        byte[] sessions = new SessionCountAccumulator().serialize();
        sessions[0] = 0;
        assertThatThrownBy(() -> SessionCountAccumulator.deserialize(sessions)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serialized session_count state has unknown version 0, expected 1");
    }
}

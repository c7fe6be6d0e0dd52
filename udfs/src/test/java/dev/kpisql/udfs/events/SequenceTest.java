package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.MergeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sequence_match} and {@code sequence_count}: the grammar's errors with their positions,
 * worked cases, and random time-free patterns against java.util.regex over the events written as
 * fixed-width tokens (an independent matcher of the same language).
 */
final class SequenceTest
{
    private static Object run(SequenceAccumulator.Kind kind, String pattern, long[] ts, int[] bits, int conditions)
    {
        SequenceAccumulator state = new SequenceAccumulator(kind);
        for (int i = 0; i < ts.length; i++) {
            state.add(pattern, ts[i], Clock.BIGINT, bits[i], conditions);
        }
        return state.result();
    }

    private static boolean match(String pattern, long[] ts, int[] bits, int conditions)
    {
        return (Boolean) run(SequenceAccumulator.Kind.MATCH, pattern, ts, bits, conditions);
    }

    private static long count(String pattern, long[] ts, int[] bits, int conditions)
    {
        return (Long) run(SequenceAccumulator.Kind.COUNT, pattern, ts, bits, conditions);
    }

    @Test
    void malformedPatternsNameTheirPosition()
    {
        assertError("", "sequence_match: pattern '' at position 1: expected (?N), '.' or '.*', found the end of the pattern");
        assertError("(?1", "sequence_match: pattern '(?1' at position 4: expected ')', found the end of the pattern");
        assertError("(?1)(?", "sequence_match: pattern '(?1)(?' at position 7: expected a whole number after '(?', found the end of the pattern");
        assertError("(?0)", "sequence_match: pattern '(?0)' at position 3: condition 0 is outside 1..2");
        assertError("(?1)(?3)", "sequence_match: pattern '(?1)(?3)' at position 7: condition 3 is outside 1..2");
        assertError("(?1)x", "sequence_match: pattern '(?1)x' at position 5: expected (?N), (?t…), '.' or '.*', found 'x'");
        assertError("(?1)(?t!=3)(?2)", "sequence_match: pattern '(?1)(?t!=3)(?2)' at position 8: expected <, <=, >, >= or == after '(?t', found '!'");
        assertError("(?1)(?t<)(?2)", "sequence_match: pattern '(?1)(?t<)(?2)' at position 9: expected a whole number after '(?t<', found ')'");
        assertError("(?1)(?t<3(?2)", "sequence_match: pattern '(?1)(?t<3(?2)' at position 10: expected ')', found '('");
        assertError("(?t<3)(?1)", "sequence_match: pattern '(?t<3)(?1)' at position 1: a time constraint must follow (?N), '.' or '.*'");
        assertError("(?1)(?t<3)(?t>1)(?2)", "sequence_match: pattern '(?1)(?t<3)(?t>1)(?2)' at position 11: a time constraint must follow (?N), '.' or '.*'");
        assertError("(?1) (?2)", "sequence_match: pattern '(?1) (?2)' at position 5: expected (?N), (?t…), '.' or '.*', found ' '");
        assertThatThrownBy(() -> new SequenceAccumulator(SequenceAccumulator.Kind.MATCH).add("(?1)(?t<99999999999999999999)(?2)", 0, Clock.BIGINT, 1, 2))
                .isInstanceOf(KpiException.class)
                .hasMessage("sequence_match: pattern '(?1)(?t<99999999999999999999)(?2)' at position 9: 99999999999999999999 overflows BIGINT");
        assertThatThrownBy(() -> new SequenceAccumulator(SequenceAccumulator.Kind.COUNT).add("(?1)(?t<9223372036855)(?2)", 0, Clock.TIMESTAMP, 1, 2))
                .hasMessage("sequence_count: pattern '(?1)(?t<9223372036855)(?2)' at position 9: 9223372036855 s in microseconds overflows BIGINT");
    }

    private static void assertError(String pattern, String message)
    {
        assertThatThrownBy(() -> new SequenceAccumulator(SequenceAccumulator.Kind.MATCH).add(pattern, 0, Clock.BIGINT, 1, 2))
                .isInstanceOf(KpiException.class)
                .hasMessage(message);
    }

    @Test
    void timeConstraintsMeasureFromThePreviousMatchAndSkipEventsBetween()
    {
        // ClickHouse 00222's data: time 0..11, data 0 0 0 0 1 2 0 0 0 0 1 1, conditions data = 0, 1, 2, 3
        long[] ts = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] bits = {1, 1, 1, 1, 2, 4, 1, 1, 1, 1, 2, 2};
        assertThat(match("(?1)(?t<3)(?3)", ts, bits, 4)).isTrue();
        assertThat(match("(?1)(?t<2)(?3)", ts, bits, 4)).isFalse();
        assertThat(match("(?2)(?t>=7)(?2)", ts, bits, 4)).isTrue();
        assertThat(match("(?2)(?t>7)(?2)", ts, bits, 4)).isFalse();
        assertThat(count("(?1)(?t<11)(?2)", ts, bits, 4)).isEqualTo(2);
        // '.' and '.*' count the events, one at a time
        assertThat(count(".", ts, bits, 4)).isEqualTo(12);
        assertThat(count(".*", ts, bits, 4)).isEqualTo(12);
    }

    @Test
    void equalTimesAreOrderedByLowestTrueCondition()
    {
        // two events at one instant, arriving either way: (?1)(?2) matches, (?2)(?1) does not
        assertThat(match("(?1)(?2)", new long[] {5, 5}, new int[] {2, 1}, 2)).isTrue();
        assertThat(match("(?2)(?1)", new long[] {5, 5}, new int[] {1, 2}, 2)).isFalse();
    }

    @Test
    void rowsWithoutTrueConditionsAreNotEventsButCountAsRows()
    {
        assertThat(match("(?1)(?2)", new long[] {1, 2, 3}, new int[] {1, 0, 2}, 2)).isTrue();
        assertThat(run(SequenceAccumulator.Kind.COUNT, "(?1)", new long[] {1}, new int[] {0}, 2)).isEqualTo(0L);
        assertThat(new SequenceAccumulator(SequenceAccumulator.Kind.COUNT).result()).isNull();
    }

    @Test
    void aPatternEndingInATimeConstraintOrStarMatchesAtTheEnd()
    {
        // ClickHouse reads past its action list here; the grammar says these match after the (?1)
        assertThat(match("(?1).*", new long[] {1}, new int[] {1}, 1)).isTrue();
        assertThat(match("(?1)(?t<5)", new long[] {1}, new int[] {1}, 1)).isTrue();
        assertThat(match("(?1)(?t>=0)", new long[] {1}, new int[] {1}, 1)).isTrue();
        assertThat(match("(?1)(?t>5)", new long[] {1}, new int[] {1}, 1)).isFalse();
    }

    @Test
    void backtrackingIsBoundedWithAClearError()
    {
        // every event matches (?1) and (?2), and the last constraint never holds: the search tries
        // every (start, middle) pair, quadratic in the events
        int n = 3_000;
        SequenceAccumulator state = new SequenceAccumulator(SequenceAccumulator.Kind.COUNT);
        for (int i = 0; i < n; i++) {
            state.add("(?1).*(?2)(?t>100000)(?3)", i, Clock.BIGINT, i == n - 1 ? 7 : 3, 3);
        }
        assertThatThrownBy(state::result)
                .isInstanceOf(KpiException.class)
                .hasMessageStartingWith("sequence_count: pattern '(?1).*(?2)(?t>100000)(?3)' needs more than 1144000 search steps to match 3000 events");
    }

    @Test
    void patternAndConditionsAreGroupConstants()
    {
        SequenceAccumulator state = new SequenceAccumulator(SequenceAccumulator.Kind.MATCH);
        state.add("(?1)", 1, Clock.BIGINT, 1, 2);
        assertThatThrownBy(() -> state.add("(?2)", 2, Clock.BIGINT, 1, 2)).hasMessage("sequence_match: pattern must be constant within a group, got '(?1)' and '(?2)'");
        assertThatThrownBy(() -> state.add("(?1)", 2, Clock.BIGINT, 1, 3)).hasMessage("sequence_match: conditions must have the same length on every row of a group, got 2 and 3");
        SequenceAccumulator other = new SequenceAccumulator(SequenceAccumulator.Kind.MATCH);
        other.add("(?1).", 1, Clock.BIGINT, 1, 2);
        assertThatThrownBy(() -> state.merge(other)).hasMessage("sequence_match: pattern must be constant within a group, got '(?1)' and '(?1).'");
    }

    @Test
    void randomTimeFreePatternsAgreeWithRegularExpressions()
    {
        Random random = new Random(222);
        String[] elements = {"(?1)", "(?2)", "(?3)", ".", ".*"};
        for (int round = 0; round < 5_000; round++) {
            StringBuilder pattern = new StringBuilder();
            for (int e = 1 + random.nextInt(5); e > 0; e--) {
                pattern.append(elements[random.nextInt(elements.length)]);
            }
            int n = random.nextInt(10);
            long[] ts = new long[n];
            int[] bits = new int[n];
            for (int i = 0; i < n; i++) {
                ts[i] = random.nextInt(6);
                bits[i] = random.nextInt(8);
            }
            if (n == 0) {
                continue;
            }
            boolean expected = regexMatches(pattern.toString(), ts, bits, 3);
            assertThat(match(pattern.toString(), ts, bits, 3)).as("%s over %s %s", pattern, java.util.Arrays.toString(ts), java.util.Arrays.toString(bits)).isEqualTo(expected);
            // the backtracking search used by sequence_count agrees on whether there is a match
            assertThat(count(pattern.toString(), ts, bits, 3) > 0 || !hasEvents(bits)).as("count of %s", pattern).isEqualTo(expected || !hasEvents(bits));
            if (round % 50 == 0) {
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rows.add(new Object[] {pattern.toString(), ts[i], flags(bits[i], 3)});
                }
                Collections.shuffle(rows, random);
                MergeCheck.assertSplitInvariant(() -> new SequenceAccumulator(SequenceAccumulator.Kind.COUNT), rows, round, 0);
                MergeCheck.assertSplitInvariant(() -> new SequenceAccumulator(SequenceAccumulator.Kind.MATCH), rows, round, 0);
            }
        }
    }

    private static boolean hasEvents(int[] bits)
    {
        for (int b : bits) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private static List<Boolean> flags(int bits, int n)
    {
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            flags.add((bits & (1 << i)) != 0);
        }
        return flags;
    }

    /**
     * The events (true conditions only, sorted as S4 says) as tokens of n characters '0'/'1' and
     * ';', the pattern as a regular expression over whole tokens, searched from any token.
     */
    private static boolean regexMatches(String pattern, long[] ts, int[] bits, int n)
    {
        List<long[]> events = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            if (bits[i] != 0) {
                events.add(new long[] {ts[i], bits[i]});
            }
        }
        events.sort((a, b) -> EventLog.compare(a[0], (int) a[1], b[0], (int) b[1]));
        StringBuilder text = new StringBuilder();
        for (long[] event : events) {
            for (int c = 0; c < n; c++) {
                text.append(((event[1] >> c) & 1) == 1 ? '1' : '0');
            }
            text.append(';');
        }
        String token = "[01]{" + n + "};";
        StringBuilder regex = new StringBuilder("(?:" + token + ")*?");
        Matcher element = java.util.regex.Pattern.compile("\\(\\?(\\d)\\)|\\.\\*|\\.").matcher(pattern);
        while (element.find()) {
            if (element.group(1) != null) {
                int k = Integer.parseInt(element.group(1));
                regex.append("[01]{").append(k - 1).append("}1[01]{").append(n - k).append("};");
            }
            else if (element.group().equals(".*")) {
                regex.append("(?:").append(token).append(")*?");
            }
            else {
                regex.append(token);
            }
        }
        return java.util.regex.Pattern.compile(regex.toString()).matcher(text).lookingAt();
    }
}

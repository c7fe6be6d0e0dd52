package dev.kpisql.calcite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The event functions where the embedded engine needs more than the catalog's examples show:
 * session_count as a window function, against the plain SQL it replaces; Calcite's quirks with
 * intervals, CHAR literals and timestamps.
 */
@TestInstance(PER_CLASS)
final class EventFunctionsTest
{
    /** 100,000 events of 7 users on a BIGINT clock, from a cross join of digits. */
    static final String EVENTS = "(SELECT MOD(n, 7) AS uid, MOD(n * 7919, 1000003) AS ts FROM (SELECT CAST(d1.x + 10 * d2.x + 100 * d3.x + 1000 * d4.x + 10000 * d5.x AS BIGINT) AS n"
            + " FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d1(x) CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d2(x)"
            + " CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d3(x) CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d4(x)"
            + " CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d5(x)) AS numbers) AS events";

    /** Each event's session by session_count and by the plain SQL of dbt's sessionization: lag, then a running sum. */
    static final String SESSIONS_BOTH_WAYS = "SELECT count(*) AS events, sum(CASE WHEN s = p THEN 0 ELSE 1 END) AS differences, max(s) AS most FROM ("
            + "SELECT session_count(ts, 40) OVER (PARTITION BY uid ORDER BY ts) AS s,"
            + " sum(CASE WHEN previous IS NULL OR ts - previous > 40 THEN 1 ELSE 0 END) OVER (PARTITION BY uid ORDER BY ts) AS p"
            + " FROM (SELECT uid, ts, lag(ts) OVER (PARTITION BY uid ORDER BY ts) AS previous FROM " + EVENTS + ") AS lagged) AS both_ways";

    /** Two users' visits with a 30-minute gap, a NULL ts among them. */
    static final String NUMBERED = "SELECT uid, ts, session_count(ts, INTERVAL '30' MINUTE) OVER (PARTITION BY uid ORDER BY ts) AS session FROM (VALUES"
            + " (1, TIMESTAMP '2024-03-01 12:00:00'), (1, TIMESTAMP '2024-03-01 12:10:00'), (1, TIMESTAMP '2024-03-01 12:45:00'), (1, CAST(NULL AS TIMESTAMP)),"
            + " (2, TIMESTAMP '2024-03-01 09:00:00'), (2, TIMESTAMP '2024-03-01 09:30:00'), (2, TIMESTAMP '2024-03-01 10:00:01')) AS t(uid, ts) ORDER BY uid, ts";

    private Connection connection;

    @BeforeAll
    void connect()
            throws SQLException
    {
        connection = KpiEngine.connect(null);
    }

    @AfterAll
    void close()
            throws SQLException
    {
        connection.close();
    }

    private List<List<Object>> rows(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void sessionCountOverTheEventsNumbersEachEventsSession()
            throws SQLException
    {
        List<Object> sessions = rows(NUMBERED).stream().map(row -> row.get(2)).toList();
        // user 1: 12:00 and 12:10 one session, 12:45 the second; the NULL ts counts the frame's sessions
        // user 2: 09:00, 09:30 (exactly 30 minutes: the same session), 10:00:01 (30 minutes and a second: a new one)
        assertThat(sessions).containsExactly(1L, 1L, 2L, 2L, 1L, 1L, 2L);
    }

    @Test
    void sessionCountOverAHundredThousandEventsIsTheRunningSumOfLag()
            throws SQLException
    {
        List<Object> row = rows(SESSIONS_BOTH_WAYS).get(0);
        assertThat(row.get(0)).isEqualTo(100_000L);
        assertThat(((Number) row.get(1)).longValue()).isZero();
        assertThat(((Number) row.get(2)).longValue()).isGreaterThan(1);
    }

    @Test
    void anIntervalOfMonthsHasNoSignature()
    {
        // Calcite 1.42 would cast INTERVAL '1' MONTH to the BIGINT 1, a gap of one second; as in Trino, no signature takes it
        for (String interval : List.of("INTERVAL '1' MONTH", "INTERVAL '2' YEAR", "INTERVAL '1-2' YEAR TO MONTH")) {
            assertThatThrownBy(() -> rows("SELECT session_count(ts, " + interval + ") FROM (VALUES (TIMESTAMP '2024-03-01 12:00:00')) AS t(ts)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("No match found for function signature session_count(<TIMESTAMP>, <INTERVAL_");
        }
        assertThatThrownBy(() -> rows("SELECT window_funnel(INTERVAL '1' MONTH, ts, ARRAY[TRUE]) FROM (VALUES (TIMESTAMP '2024-03-01 12:00:00')) AS t(ts)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("No match found for function signature window_funnel(<INTERVAL_");
    }

    @Test
    void textOfSeveralLengthsIsNotPadded()
            throws SQLException
    {
        // a CASE of literals of several lengths is a blank-padded CHAR in Calcite; the pattern is the text without the blanks
        assertThat(rows("SELECT sequence_count(CASE WHEN x > 0 THEN '(?1)' ELSE '(?1)(?1)' END, x, ARRAY[TRUE]) FROM (VALUES (1), (2), (3)) AS t(x)"))
                .containsExactly(List.of(3L));
    }

    @Test
    void timestampsKeepMillisecondsOnly()
    {
        // Calcite 1.42 holds a TIMESTAMP as milliseconds: two events a microsecond apart are one instant here (two in Trino)
        assertThat(sessions("TIMESTAMP '2024-03-01 12:00:00.000001'", "TIMESTAMP '2024-03-01 12:00:00.000002'")).isEqualTo(1L);
        assertThat(sessions("TIMESTAMP '2024-03-01 12:00:00.001'", "TIMESTAMP '2024-03-01 12:00:00.002'")).isEqualTo(2L);
    }

    private Object sessions(String first, String second)
    {
        try {
            return rows("SELECT session_count(ts, 0) FROM (VALUES (" + first + "), (" + second + ")) AS t(ts)").get(0).get(0);
        }
        catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}

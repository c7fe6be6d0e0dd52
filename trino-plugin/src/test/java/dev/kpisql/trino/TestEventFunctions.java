package dev.kpisql.trino;

import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static io.trino.testing.assertions.TrinoExceptionAssert.assertTrinoExceptionThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The event functions where Trino needs more than the catalog's examples show: session_count as
 * a window function against the plain SQL it replaces, microsecond timestamps, intervals of months.
 * The same queries run in the embedded engine (EventFunctionsTest in calcite-adapter).
 */
@TestInstance(PER_CLASS)
final class TestEventFunctions
{
    /** 100,000 events of 7 users on a BIGINT clock, from a cross join of digits. */
    private static final String EVENTS = "(SELECT MOD(n, 7) AS uid, MOD(n * 7919, 1000003) AS ts FROM (SELECT CAST(d1.x + 10 * d2.x + 100 * d3.x + 1000 * d4.x + 10000 * d5.x AS BIGINT) AS n"
            + " FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d1(x) CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d2(x)"
            + " CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d3(x) CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d4(x)"
            + " CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d5(x)) AS numbers) AS events";

    private QueryRunner runner;

    @BeforeAll
    void start()
    {
        runner = KpiQueryRunner.singleNode();
    }

    @AfterAll
    void stop()
    {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void sessionCountOverTheEventsNumbersEachEventsSession()
    {
        List<Object> sessions = runner.execute("SELECT uid, ts, session_count(ts, INTERVAL '30' MINUTE) OVER (PARTITION BY uid ORDER BY ts) AS session FROM (VALUES"
                + " (1, TIMESTAMP '2024-03-01 12:00:00'), (1, TIMESTAMP '2024-03-01 12:10:00'), (1, TIMESTAMP '2024-03-01 12:45:00'), (1, CAST(NULL AS TIMESTAMP)),"
                + " (2, TIMESTAMP '2024-03-01 09:00:00'), (2, TIMESTAMP '2024-03-01 09:30:00'), (2, TIMESTAMP '2024-03-01 10:00:01')) AS t(uid, ts) ORDER BY uid, ts")
                .getMaterializedRows().stream().map(row -> row.getField(2)).toList();
        // user 1: 12:00 and 12:10 one session, 12:45 the second; the NULL ts (last) counts the frame's sessions
        // user 2: 09:00, 09:30 (exactly 30 minutes: the same session), 10:00:01 (30 minutes and a second: a new one)
        assertThat(sessions).containsExactly(1L, 1L, 2L, 2L, 1L, 1L, 2L);
    }

    @Test
    void sessionCountOverAHundredThousandEventsIsTheRunningSumOfLag()
    {
        MaterializedRow row = runner.execute("SELECT count(*), sum(CASE WHEN s = p THEN 0 ELSE 1 END), max(s) FROM ("
                + "SELECT session_count(ts, 40) OVER (PARTITION BY uid ORDER BY ts) AS s,"
                + " sum(CASE WHEN previous IS NULL OR ts - previous > 40 THEN 1 ELSE 0 END) OVER (PARTITION BY uid ORDER BY ts) AS p"
                + " FROM (SELECT uid, ts, lag(ts) OVER (PARTITION BY uid ORDER BY ts) AS previous FROM " + EVENTS + ") AS lagged) AS both_ways").getMaterializedRows().get(0);
        assertThat(row.getField(0)).isEqualTo(100_000L);
        assertThat(row.getField(1)).isEqualTo(0L);
        assertThat((Long) row.getField(2)).isGreaterThan(1);
    }

    @Test
    void timestampsAreComparedInMicroseconds()
    {
        assertThat(runner.execute("SELECT session_count(ts, 0) FROM (VALUES TIMESTAMP '2024-03-01 12:00:00.000001', TIMESTAMP '2024-03-01 12:00:00.000002') AS t(ts)").getOnlyValue())
                .isEqualTo(2L);
        // a window of 0 seconds: step 2 a microsecond after step 1 is too late, at the same microsecond it is not
        assertThat(runner.execute("SELECT window_funnel(0, ts, ARRAY[s = 1, s = 2]) FROM (VALUES (TIMESTAMP '2024-03-01 12:00:00.000001', 1), (TIMESTAMP '2024-03-01 12:00:00.000002', 2)) AS t(ts, s)")
                .getOnlyValue()).isEqualTo(1L);
        assertThat(runner.execute("SELECT window_funnel(0, ts, ARRAY[s = 1, s = 2]) FROM (VALUES (TIMESTAMP '2024-03-01 12:00:00.000001', 1), (TIMESTAMP '2024-03-01 12:00:00.000001', 2)) AS t(ts, s)")
                .getOnlyValue()).isEqualTo(2L);
        // TIMESTAMP(0) widens to the millisecond signature
        assertThat(runner.execute("SELECT session_count(CAST(ts AS timestamp(0)), 1) FROM (VALUES TIMESTAMP '2024-03-01 12:00:00', TIMESTAMP '2024-03-01 12:00:02') AS t(ts)").getOnlyValue())
                .isEqualTo(2L);
    }

    @Test
    void anIntervalOfMonthsHasNoSignature()
    {
        assertTrinoExceptionThrownBy(() -> runner.execute("SELECT session_count(ts, INTERVAL '1' MONTH) FROM (VALUES TIMESTAMP '2024-03-01 12:00:00') AS t(ts)"))
                .hasMessageContaining("Unexpected parameters (timestamp(0), interval year to month) for function session_count");
    }
}

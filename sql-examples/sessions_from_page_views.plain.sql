-- Sessionization as dbt does it: the time since the visitor's previous view (lag), a new session when it is
-- more than 30 minutes (or there is none), a running sum of those as the session number.
WITH lagged AS (
    SELECT user_id, channel, event_time,
           LAG(event_time) OVER (PARTITION BY user_id ORDER BY event_time) AS previous
    FROM events
    WHERE event = 'page_view'),
views AS (
    SELECT user_id, channel, event_time,
           user_id * 1000 + SUM(CASE WHEN previous IS NULL OR event_time > previous + INTERVAL '30' MINUTE THEN 1 ELSE 0 END)
               OVER (PARTITION BY user_id ORDER BY event_time) AS session_id
    FROM lagged),
sessions AS (
    SELECT channel, user_id, session_id, MIN(event_time) AS session_start, MAX(event_time) AS session_end, COUNT(*) AS pageviews
    FROM views
    GROUP BY channel, user_id, session_id)
SELECT s.channel,
       CAST(COUNT(*) AS DOUBLE) / COUNT(DISTINCT s.user_id) AS sessions_per_user,
       CAST(SUM(TIMESTAMPDIFF(SECOND, s.session_start, s.session_end)) AS DOUBLE) / COUNT(*) AS avg_session_seconds,
       100e0 * SUM(CASE WHEN s.pageviews = 1 THEN 1 ELSE 0 END) / COUNT(*) AS bounce_rate,
       CAST(SUM(s.pageviews) AS DOUBLE) / COUNT(*) AS pages_per_session
FROM sessions s
GROUP BY s.channel
ORDER BY s.channel

SELECT channel,
       CAST(SUM(TIMESTAMPDIFF(SECOND, session_start, session_end)) AS DOUBLE) / COUNT(*) AS avg_session_seconds,
       CAST(COUNT(DISTINCT session_id) AS DOUBLE) / COUNT(DISTINCT user_id) AS sessions_per_user,
       100 * CAST(SUM(CASE WHEN pageviews = 1 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS bounce_rate,
       100 * CAST(SUM(CASE WHEN converted THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS conversion_rate
FROM web_sessions
GROUP BY channel
ORDER BY channel

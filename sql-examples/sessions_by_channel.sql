-- Question: Which acquisition channel brings the most engaged visits?
SELECT channel,
       avg_session_duration(session_start, session_end) AS avg_session_seconds,
       sessions_per_user(session_id, user_id) AS sessions_per_user,
       bounce_rate(pageviews) AS bounce_rate,
       conversion_rate(converted) AS conversion_rate
FROM web_sessions
GROUP BY channel
ORDER BY channel

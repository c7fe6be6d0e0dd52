SELECT EXTRACT(MONTH FROM session_start) AS month,
       COUNT(*) AS sessions,
       COUNT(DISTINCT user_id) AS visitors,
       SUM(pageviews) AS pageviews
FROM web_sessions
GROUP BY EXTRACT(MONTH FROM session_start)
ORDER BY month

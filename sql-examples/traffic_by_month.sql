-- Question: How much traffic did the site get each month? (Traffic needs no KPI function:
-- plain counts are exact and clear.)
SELECT EXTRACT(MONTH FROM session_start) AS month,
       count(*) AS sessions,
       count(DISTINCT user_id) AS visitors,
       sum(pageviews) AS pageviews
FROM web_sessions
GROUP BY EXTRACT(MONTH FROM session_start)
ORDER BY month

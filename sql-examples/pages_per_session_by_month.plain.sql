SELECT EXTRACT(MONTH FROM viewed_at) AS month,
       CAST(COUNT(*) AS DOUBLE) / COUNT(DISTINCT session_id) AS pages_per_session
FROM page_views
GROUP BY EXTRACT(MONTH FROM viewed_at)
ORDER BY month

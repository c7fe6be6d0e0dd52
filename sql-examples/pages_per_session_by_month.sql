-- Question: How many pages does a visit see, month by month?
SELECT EXTRACT(MONTH FROM viewed_at) AS month,
       pages_per_session(session_id) AS pages_per_session
FROM page_views
GROUP BY EXTRACT(MONTH FROM viewed_at)
ORDER BY month

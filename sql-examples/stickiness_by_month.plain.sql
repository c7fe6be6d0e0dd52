WITH active AS (
    SELECT DISTINCT EXTRACT(MONTH FROM activity_date) AS month, user_id, activity_date
    FROM user_activity)
SELECT month,
       100 * CAST(COUNT(*) AS DOUBLE) / ((TIMESTAMPDIFF(DAY, MIN(activity_date), MAX(activity_date)) + 1) * COUNT(DISTINCT user_id)) AS dau_mau,
       100 * CAST(COUNT(*) AS DOUBLE) / ((TIMESTAMPDIFF(DAY, MIN(activity_date), MAX(activity_date)) + 1) * COUNT(DISTINCT user_id)) AS approx_dau_mau
FROM active
GROUP BY month
ORDER BY month

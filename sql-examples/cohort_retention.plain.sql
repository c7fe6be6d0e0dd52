WITH cohorts AS (
    SELECT customer_id, MIN(month) AS cohort
    FROM customer_mrr
    WHERE previous_mrr = 0 AND current_mrr > 0
    GROUP BY customer_id),
months AS (
    SELECT DISTINCT month FROM customer_mrr),
grid AS (
    SELECT c.customer_id, c.cohort, m.month
    FROM cohorts c JOIN months m ON m.month >= c.cohort)
SELECT g.cohort, g.month,
       100 * CAST(SUM(CASE WHEN COALESCE(x.current_mrr, 0) > 0 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS retained_share
FROM grid g LEFT JOIN customer_mrr x ON x.customer_id = g.customer_id AND x.month = g.month
GROUP BY g.cohort, g.month
ORDER BY g.cohort, g.month

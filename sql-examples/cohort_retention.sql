-- Question: Of the customers who started paying in each month, what share still pays in later months?
-- A cohort retention table: one row per (cohort, month), the cohort being the month of the first payment.
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
       retention_rate(COALESCE(x.current_mrr, 0) > 0) AS retained_share
FROM grid g LEFT JOIN customer_mrr x ON x.customer_id = g.customer_id AND x.month = g.month
GROUP BY g.cohort, g.month
ORDER BY g.cohort, g.month

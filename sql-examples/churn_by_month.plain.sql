WITH counts AS (
    SELECT month, 100 * CAST(SUM(lost_customers) AS DOUBLE) / NULLIF(SUM(start_customers), 0) AS churn_from_counts
    FROM customer_counts
    GROUP BY month),
customers AS (
    SELECT month, 100 * CAST(SUM(CASE WHEN current_mrr = 0 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS churn_from_customers
    FROM customer_mrr
    WHERE previous_mrr > 0
    GROUP BY month)
SELECT counts.month, churn_from_counts, churn_from_customers
FROM counts JOIN customers ON counts.month = customers.month
ORDER BY counts.month

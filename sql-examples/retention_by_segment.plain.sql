WITH counts AS (
    SELECT segment, 100 * CAST(SUM(end_customers) - SUM(new_customers) AS DOUBLE) / NULLIF(SUM(start_customers), 0) AS retention_from_counts
    FROM customer_counts
    GROUP BY segment),
customers AS (
    SELECT segment, 100 * CAST(SUM(CASE WHEN current_mrr > 0 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS retention_from_customers
    FROM customer_mrr
    WHERE previous_mrr > 0
    GROUP BY segment)
SELECT counts.segment, retention_from_counts, retention_from_customers
FROM counts JOIN customers ON counts.segment = customers.segment
ORDER BY counts.segment

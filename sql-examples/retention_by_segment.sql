-- Question: Which segment keeps its customers best over the year?
-- Customer retention rate (S, E, N formula) from monthly counts, and from customer rows.
WITH counts AS (
    SELECT segment, retention_rate(start_customers, end_customers, new_customers) AS retention_from_counts
    FROM customer_counts
    GROUP BY segment),
customers AS (
    SELECT segment, retention_rate(current_mrr > 0) AS retention_from_customers
    FROM customer_mrr
    WHERE previous_mrr > 0
    GROUP BY segment)
SELECT counts.segment, retention_from_counts, retention_from_customers
FROM counts JOIN customers ON counts.segment = customers.segment
ORDER BY counts.segment

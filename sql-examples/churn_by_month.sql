-- Question: What share of customers did we lose each month, and did the July price change cause a spike?
-- Two ways to the same number: from monthly counts per segment, and from one row per customer.
WITH counts AS (
    SELECT month, churn_rate(start_customers, lost_customers) AS churn_from_counts
    FROM customer_counts
    GROUP BY month),
customers AS (
    SELECT month, churn_rate(current_mrr = 0) AS churn_from_customers
    FROM customer_mrr
    WHERE previous_mrr > 0
    GROUP BY month)
SELECT counts.month, churn_from_counts, churn_from_customers
FROM counts JOIN customers ON counts.month = customers.month
ORDER BY counts.month

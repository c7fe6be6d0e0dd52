WITH segment_stats AS (
    SELECT segment,
           SUM(current_mrr) / COUNT(*) AS avg_payment,
           100 * CAST(SUM(CASE WHEN current_mrr = 0 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS monthly_churn
    FROM customer_mrr
    WHERE previous_mrr > 0
    GROUP BY segment)
SELECT segment,
       avg_payment * 12 * (100 / (12 * monthly_churn)) AS clv
FROM segment_stats
ORDER BY segment

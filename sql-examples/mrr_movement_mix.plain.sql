SELECT movement, COUNT(*) AS customers
FROM (SELECT TRIM(CASE WHEN previous_mrr = 0 AND current_mrr > 0 THEN 'new'
                       WHEN previous_mrr > 0 AND current_mrr = 0 THEN 'churn'
                       WHEN previous_mrr = 0 AND current_mrr = 0 THEN 'inactive'
                       WHEN current_mrr > previous_mrr THEN 'expansion'
                       WHEN current_mrr < previous_mrr THEN 'contraction'
                       ELSE 'flat' END) AS movement
      FROM customer_mrr
      WHERE month = DATE '2025-12-01') AS t
GROUP BY movement
ORDER BY movement

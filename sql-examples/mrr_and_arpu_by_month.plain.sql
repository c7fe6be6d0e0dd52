SELECT month,
       SUM(current_mrr) AS mrr,
       SUM(current_mrr) / COUNT(*) AS arpu
FROM customer_mrr
WHERE current_mrr > 0
GROUP BY month
ORDER BY month

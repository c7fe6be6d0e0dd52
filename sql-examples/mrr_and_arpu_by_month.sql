-- Question: How did MRR and average revenue per paying customer develop through the year?
SELECT month,
       mrr(current_mrr) AS mrr,
       arpu(current_mrr) AS arpu
FROM customer_mrr
WHERE current_mrr > 0
GROUP BY month
ORDER BY month

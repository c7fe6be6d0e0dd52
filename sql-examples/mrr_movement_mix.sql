-- Question: In December, how many customers were new, expanding, contracting, churning or flat?
SELECT mrr_movement(previous_mrr, current_mrr) AS movement,
       count(*) AS customers
FROM customer_mrr
WHERE month = DATE '2025-12-01'
GROUP BY mrr_movement(previous_mrr, current_mrr)
ORDER BY movement

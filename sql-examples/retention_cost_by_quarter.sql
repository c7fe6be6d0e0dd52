-- Question: How much do we spend to keep each customer, per quarter?
SELECT (EXTRACT(MONTH FROM month) + 2) / 3 AS quarter,
       customer_retention_cost(retention_cost, customers_retained) AS cost_per_retained_customer
FROM campaigns
GROUP BY (EXTRACT(MONTH FROM month) + 2) / 3
ORDER BY quarter

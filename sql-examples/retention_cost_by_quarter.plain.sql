SELECT (EXTRACT(MONTH FROM month) + 2) / 3 AS quarter,
       SUM(retention_cost) / NULLIF(SUM(customers_retained), 0) AS cost_per_retained_customer
FROM campaigns
GROUP BY (EXTRACT(MONTH FROM month) + 2) / 3
ORDER BY quarter

-- Question: What did a customer from events cost each month? (May brought none: no CAC that month.)
SELECT month,
       cac(campaign_cost, new_customers) AS cac
FROM campaigns
WHERE channel = 'events'
GROUP BY month
ORDER BY month

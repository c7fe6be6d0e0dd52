SELECT month,
       SUM(campaign_cost) / NULLIF(SUM(new_customers), 0) AS cac
FROM campaigns
WHERE channel = 'events'
GROUP BY month
ORDER BY month

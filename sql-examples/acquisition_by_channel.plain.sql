SELECT channel,
       SUM(campaign_cost) / NULLIF(SUM(new_customers), 0) AS cac,
       (SUM(sales_cost) + SUM(marketing_cost)) / NULLIF(SUM(new_customers), 0) AS cac_from_parts,
       SUM(campaign_cost) / NULLIF(SUM(leads), 0) AS cost_per_lead,
       100 * (SUM(attributed_revenue) - SUM(marketing_cost)) / NULLIF(SUM(marketing_cost), 0) AS romi
FROM campaigns
GROUP BY channel
ORDER BY channel

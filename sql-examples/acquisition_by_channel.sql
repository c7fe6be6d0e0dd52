-- Question: Which marketing channel acquires customers and leads most cheaply, and which pays back?
SELECT channel,
       cac(campaign_cost, new_customers) AS cac,
       cac(sales_cost, marketing_cost, new_customers) AS cac_from_parts,
       cost_per_lead(campaign_cost, leads) AS cost_per_lead,
       romi(attributed_revenue, marketing_cost) AS romi
FROM campaigns
GROUP BY channel
ORDER BY channel

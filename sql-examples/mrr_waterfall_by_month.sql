-- Question: Where did MRR growth come from each month: new business, expansion, contraction or churn?
-- The MRR movement waterfall, with net and gross revenue retention and the SaaS quick ratio.
SELECT month,
       new_mrr(previous_mrr, current_mrr) AS new_mrr,
       expansion_mrr(previous_mrr, current_mrr) AS expansion_mrr,
       contraction_mrr(previous_mrr, current_mrr) AS contraction_mrr,
       churned_mrr(previous_mrr, current_mrr) AS churned_mrr,
       net_new_mrr(previous_mrr, current_mrr) AS net_new_mrr,
       net_revenue_retention(previous_mrr, current_mrr) AS nrr,
       gross_revenue_retention(previous_mrr, current_mrr) AS grr,
       saas_quick_ratio(previous_mrr, current_mrr) AS quick_ratio
FROM customer_mrr
GROUP BY month
ORDER BY month

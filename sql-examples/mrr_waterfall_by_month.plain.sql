WITH movements AS (
    SELECT month,
           SUM(CASE WHEN previous_mrr = 0 AND current_mrr > 0 THEN current_mrr ELSE 0 END) AS new_mrr,
           SUM(CASE WHEN previous_mrr > 0 AND current_mrr > previous_mrr THEN current_mrr - previous_mrr ELSE 0 END) AS expansion_mrr,
           SUM(CASE WHEN current_mrr > 0 AND current_mrr < previous_mrr THEN previous_mrr - current_mrr ELSE 0 END) AS contraction_mrr,
           SUM(CASE WHEN previous_mrr > 0 AND current_mrr = 0 THEN previous_mrr ELSE 0 END) AS churned_mrr,
           SUM(current_mrr - previous_mrr) AS net_new_mrr,
           SUM(CASE WHEN previous_mrr > 0 THEN previous_mrr ELSE 0 END) AS start_mrr,
           SUM(CASE WHEN previous_mrr > 0 THEN CASE WHEN current_mrr < previous_mrr THEN current_mrr ELSE previous_mrr END ELSE 0 END) AS kept_mrr
    FROM customer_mrr
    GROUP BY month)
SELECT month, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, net_new_mrr,
       100 * (start_mrr + expansion_mrr - contraction_mrr - churned_mrr) / NULLIF(start_mrr, 0) AS nrr,
       100 * kept_mrr / NULLIF(start_mrr, 0) AS grr,
       (new_mrr + expansion_mrr) / NULLIF(contraction_mrr + churned_mrr, 0) AS quick_ratio
FROM movements
ORDER BY month

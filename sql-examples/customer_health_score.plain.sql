WITH revenue AS (
    SELECT customer_id,
           SUM(CASE WHEN month = DATE '2025-12-01' THEN current_mrr ELSE 0 END) AS december_mrr,
           MAX(CASE WHEN previous_mrr = 0 AND current_mrr > 0 THEN current_mrr WHEN month = DATE '2025-01-01' THEN previous_mrr ELSE 0 END) AS first_mrr
    FROM customer_mrr
    GROUP BY customer_id),
support AS (
    SELECT customer_id,
           COUNT(*) AS tickets,
           100 * CAST(SUM(CASE WHEN resolved_on_first_contact THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(resolved_on_first_contact) AS fcr
    FROM support_tickets
    GROUP BY customer_id),
scored AS (
    SELECT r.customer_id,
           50 * (CASE WHEN r.december_mrr >= 1.5 * r.first_mrr THEN 1.0E0
                      WHEN r.december_mrr <= 0.5 * r.first_mrr THEN 0.0E0
                      ELSE (r.december_mrr / r.first_mrr - 0.5) END)
           + 30 * (CASE WHEN COALESCE(s.tickets, 0) >= 10 THEN 0.0E0 ELSE 1 - COALESCE(s.tickets, 0) / 10.0E0 END)
           + 20 * COALESCE(s.fcr, 100) / 100 AS health_score
    FROM revenue r LEFT JOIN support s ON s.customer_id = r.customer_id
    WHERE r.december_mrr > 0 AND r.first_mrr > 0)
SELECT customer_id, health_score
FROM scored
ORDER BY health_score DESC, customer_id
LIMIT 10

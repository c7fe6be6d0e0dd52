WITH revenue AS (
    SELECT month,
           SUM(current_mrr) AS mrr,
           SUM(current_mrr - previous_mrr) AS net_new_mrr,
           100 * (SUM(CASE WHEN previous_mrr > 0 THEN current_mrr ELSE 0 END)) / NULLIF(SUM(CASE WHEN previous_mrr > 0 THEN previous_mrr ELSE 0 END), 0) AS nrr,
           100 * SUM(CASE WHEN previous_mrr > 0 THEN CASE WHEN current_mrr < previous_mrr THEN current_mrr ELSE previous_mrr END ELSE 0 END)
               / NULLIF(SUM(CASE WHEN previous_mrr > 0 THEN previous_mrr ELSE 0 END), 0) AS grr,
           SUM(CASE WHEN previous_mrr = 0 AND current_mrr > 0 THEN current_mrr WHEN previous_mrr > 0 AND current_mrr > previous_mrr THEN current_mrr - previous_mrr ELSE 0 END)
               / NULLIF(SUM(CASE WHEN previous_mrr > 0 AND current_mrr < previous_mrr THEN previous_mrr - current_mrr ELSE 0 END), 0) AS quick_ratio,
           100 * CAST(SUM(CASE WHEN previous_mrr > 0 AND current_mrr = 0 THEN 1 ELSE 0 END) AS DOUBLE) / NULLIF(SUM(CASE WHEN previous_mrr > 0 THEN 1 ELSE 0 END), 0) AS logo_churn,
           SUM(CASE WHEN current_mrr > 0 THEN current_mrr ELSE 0 END) / NULLIF(SUM(CASE WHEN current_mrr > 0 THEN 1 ELSE 0 END), 0) AS arpu
    FROM customer_mrr
    GROUP BY month),
surveys AS (
    SELECT EXTRACT(MONTH FROM responded_on) AS m,
           100 * CAST(SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(nps_score) AS nps,
           100 * CAST(SUM(CASE WHEN csat_score >= 4 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(csat_score) AS csat
    FROM survey_responses
    GROUP BY EXTRACT(MONTH FROM responded_on)),
active AS (
    SELECT DISTINCT EXTRACT(MONTH FROM activity_date) AS m, user_id, activity_date
    FROM user_activity),
usage AS (
    SELECT m, 100 * CAST(COUNT(*) AS DOUBLE) / ((TIMESTAMPDIFF(DAY, MIN(activity_date), MAX(activity_date)) + 1) * COUNT(DISTINCT user_id)) AS dau_mau
    FROM active
    GROUP BY m),
web AS (
    SELECT EXTRACT(MONTH FROM session_start) AS m,
           100 * CAST(SUM(CASE WHEN pageviews = 1 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS bounce_rate,
           100 * CAST(SUM(CASE WHEN converted THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS conversion_rate
    FROM web_sessions
    GROUP BY EXTRACT(MONTH FROM session_start)),
marketing AS (
    SELECT month, SUM(campaign_cost) / NULLIF(SUM(new_customers), 0) AS cac
    FROM campaigns
    GROUP BY month)
SELECT r.month, r.mrr, r.net_new_mrr, r.nrr, r.grr, r.quick_ratio, r.logo_churn, r.arpu,
       s.nps, s.csat, u.dau_mau, w.bounce_rate, w.conversion_rate, k.cac
FROM revenue r
JOIN surveys s ON s.m = EXTRACT(MONTH FROM r.month)
JOIN usage u ON u.m = EXTRACT(MONTH FROM r.month)
JOIN web w ON w.m = EXTRACT(MONTH FROM r.month)
JOIN marketing k ON k.month = r.month
ORDER BY r.month

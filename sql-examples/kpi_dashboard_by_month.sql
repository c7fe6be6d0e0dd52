-- Question: One dashboard, one statement: the company's main KPIs month by month.
WITH revenue AS (
    SELECT month,
           mrr(current_mrr) AS mrr,
           net_new_mrr(previous_mrr, current_mrr) AS net_new_mrr,
           net_revenue_retention(previous_mrr, current_mrr) AS nrr,
           gross_revenue_retention(previous_mrr, current_mrr) AS grr,
           saas_quick_ratio(previous_mrr, current_mrr) AS quick_ratio,
           churn_rate(current_mrr = 0) FILTER (WHERE previous_mrr > 0) AS logo_churn,
           arpu(current_mrr) FILTER (WHERE current_mrr > 0) AS arpu
    FROM customer_mrr
    GROUP BY month),
surveys AS (
    SELECT EXTRACT(MONTH FROM responded_on) AS m, nps(nps_score) AS nps, csat(csat_score) AS csat
    FROM survey_responses
    GROUP BY EXTRACT(MONTH FROM responded_on)),
usage AS (
    SELECT EXTRACT(MONTH FROM activity_date) AS m, dau_mau(user_id, activity_date) AS dau_mau
    FROM user_activity
    GROUP BY EXTRACT(MONTH FROM activity_date)),
web AS (
    SELECT EXTRACT(MONTH FROM session_start) AS m, bounce_rate(pageviews) AS bounce_rate, conversion_rate(converted) AS conversion_rate
    FROM web_sessions
    GROUP BY EXTRACT(MONTH FROM session_start)),
marketing AS (
    SELECT month, cac(campaign_cost, new_customers) AS cac
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

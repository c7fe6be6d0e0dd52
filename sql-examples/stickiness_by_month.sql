-- Question: How sticky is the product: what share of a month's users come back on an average day?
-- DAU/MAU, exact and from sketches (approx_dau_mau is within 2 % of the exact value).
SELECT EXTRACT(MONTH FROM activity_date) AS month,
       dau_mau(user_id, activity_date) AS dau_mau,
       approx_dau_mau(user_id, activity_date) AS approx_dau_mau
FROM user_activity
GROUP BY EXTRACT(MONTH FROM activity_date)
ORDER BY month

WITH by_user AS (
    SELECT EXTRACT(MONTH FROM c.created_on) AS month, c.user_id, SUM(COALESCE(o.revenue, 0)) AS revenue
    FROM carts c LEFT JOIN orders o ON o.cart_id = c.cart_id
    GROUP BY EXTRACT(MONTH FROM c.created_on), c.user_id)
SELECT month,
       SUM(revenue) / COUNT(*) AS arpu,
       SUM(revenue) / NULLIF(SUM(CASE WHEN revenue > 0 THEN 1 ELSE 0 END), 0) AS arppu
FROM by_user
GROUP BY month
ORDER BY month

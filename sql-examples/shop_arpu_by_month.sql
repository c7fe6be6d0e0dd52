-- Question: How much does the average shopper spend per month, and the average paying shopper?
-- Carts carry the user; revenue is 0 for carts that were not bought.
SELECT EXTRACT(MONTH FROM c.created_on) AS month,
       arpu(COALESCE(o.revenue, 0), c.user_id) AS arpu,
       arppu(COALESCE(o.revenue, 0), c.user_id) AS arppu
FROM carts c LEFT JOIN orders o ON o.cart_id = c.cart_id
GROUP BY EXTRACT(MONTH FROM c.created_on)
ORDER BY month

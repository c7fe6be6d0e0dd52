WITH carts_by_month AS (
    SELECT EXTRACT(MONTH FROM created_on) AS month,
           100 * CAST(SUM(CASE WHEN NOT purchased THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(purchased) AS cart_abandonment_rate
    FROM carts
    GROUP BY EXTRACT(MONTH FROM created_on)),
orders_by_month AS (
    SELECT EXTRACT(MONTH FROM ordered_on) AS month,
           100 * CAST(SUM(items_returned) AS DOUBLE) / NULLIF(SUM(items_purchased), 0) AS return_rate
    FROM orders
    GROUP BY EXTRACT(MONTH FROM ordered_on))
SELECT c.month, cart_abandonment_rate, return_rate
FROM carts_by_month c JOIN orders_by_month o ON c.month = o.month
ORDER BY c.month

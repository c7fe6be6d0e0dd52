-- Question: Do the holidays change how many carts are abandoned and how many items come back?
WITH carts_by_month AS (
    SELECT EXTRACT(MONTH FROM created_on) AS month, cart_abandonment_rate(purchased) AS cart_abandonment_rate
    FROM carts
    GROUP BY EXTRACT(MONTH FROM created_on)),
orders_by_month AS (
    SELECT EXTRACT(MONTH FROM ordered_on) AS month, return_rate(items_returned, items_purchased) AS return_rate
    FROM orders
    GROUP BY EXTRACT(MONTH FROM ordered_on))
SELECT c.month, cart_abandonment_rate, return_rate
FROM carts_by_month c JOIN orders_by_month o ON c.month = o.month
ORDER BY c.month

-- Question: What is our monthly and annual recurring revenue per segment at year end?
-- Subscriptions are billed monthly, quarterly, yearly or weekly; mrr() normalises each to a month.
SELECT segment,
       mrr(amount, billing_period) AS mrr,
       arr(amount, billing_period) AS arr,
       count(*) AS subscriptions
FROM subscriptions
GROUP BY segment
ORDER BY segment

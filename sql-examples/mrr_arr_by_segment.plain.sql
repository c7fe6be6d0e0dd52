SELECT segment,
       SUM(amount * CASE LOWER(billing_period)
               WHEN 'month' THEN 1.0E0 WHEN 'monthly' THEN 1.0E0
               WHEN 'quarter' THEN 1.0E0 / 3 WHEN 'quarterly' THEN 1.0E0 / 3
               WHEN 'half_year' THEN 1.0E0 / 6 WHEN 'semiannual' THEN 1.0E0 / 6
               WHEN 'year' THEN 1.0E0 / 12 WHEN 'yearly' THEN 1.0E0 / 12 WHEN 'annual' THEN 1.0E0 / 12
               WHEN 'week' THEN 52.0E0 / 12 WHEN 'weekly' THEN 52.0E0 / 12
               WHEN 'day' THEN 365.0E0 / 12 WHEN 'daily' THEN 365.0E0 / 12 END) AS mrr,
       12 * SUM(amount * CASE LOWER(billing_period)
               WHEN 'month' THEN 1.0E0 WHEN 'monthly' THEN 1.0E0
               WHEN 'quarter' THEN 1.0E0 / 3 WHEN 'quarterly' THEN 1.0E0 / 3
               WHEN 'half_year' THEN 1.0E0 / 6 WHEN 'semiannual' THEN 1.0E0 / 6
               WHEN 'year' THEN 1.0E0 / 12 WHEN 'yearly' THEN 1.0E0 / 12 WHEN 'annual' THEN 1.0E0 / 12
               WHEN 'week' THEN 52.0E0 / 12 WHEN 'weekly' THEN 52.0E0 / 12
               WHEN 'day' THEN 365.0E0 / 12 WHEN 'daily' THEN 365.0E0 / 12 END) AS arr,
       COUNT(*) AS subscriptions
FROM subscriptions
GROUP BY segment
ORDER BY segment

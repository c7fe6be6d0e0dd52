SELECT signup_month,
       CAST(SUM(TIMESTAMPDIFF(SECOND, signed_up_at, first_value_at)) AS DOUBLE) / COUNT(first_value_at) / 3600 AS hours_to_value,
       COUNT(first_value_at) AS users_reaching_value,
       COUNT(*) AS signups
FROM onboarding
GROUP BY signup_month
ORDER BY signup_month

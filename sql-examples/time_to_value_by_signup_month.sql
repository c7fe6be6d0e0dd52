-- Question: Since guided setup launched in April, do new users reach their first value sooner?
SELECT signup_month,
       time_to_value(signed_up_at, first_value_at) / 3600 AS hours_to_value,
       count(first_value_at) AS users_reaching_value,
       count(*) AS signups
FROM onboarding
GROUP BY signup_month
ORDER BY signup_month

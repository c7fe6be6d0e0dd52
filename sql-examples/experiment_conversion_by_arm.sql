-- Question: How does each arm of each A/B test convert, and within what range does its true rate lie (95 %)?
SELECT experiment,
       arm,
       count(*) AS users,
       (rate_interval(converted)).rate AS conversion,
       (rate_interval(converted)).lower AS lower_95,
       (rate_interval(converted)).upper AS upper_95
FROM experiment_users
GROUP BY experiment, arm
ORDER BY experiment, arm

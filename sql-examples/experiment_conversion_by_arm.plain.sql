-- Question: How does each arm of each A/B test convert, and within what range does its true rate lie (95 %)?
WITH arms AS (
    SELECT experiment,
           arm,
           COUNT(*) AS users,
           CAST(SUM(CASE WHEN converted THEN 1 ELSE 0 END) AS DOUBLE) AS k,
           CAST(COUNT(*) AS DOUBLE) AS n
    FROM experiment_users
    GROUP BY experiment, arm)
SELECT experiment,
       arm,
       users,
       100 * k / n AS conversion,
       -- Wilson's score interval, z = 1.959963984540054 for two-sided 95 %
       100 * (k + POWER(1.959963984540054E0, 2) / 2 - 1.959963984540054E0 * SQRT(k * (n - k) / n + POWER(1.959963984540054E0, 2) / 4))
           / (n + POWER(1.959963984540054E0, 2)) AS lower_95,
       100 * (k + POWER(1.959963984540054E0, 2) / 2 + 1.959963984540054E0 * SQRT(k * (n - k) / n + POWER(1.959963984540054E0, 2) / 4))
           / (n + POWER(1.959963984540054E0, 2)) AS upper_95
FROM arms
ORDER BY experiment, arm

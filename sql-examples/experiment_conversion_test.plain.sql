-- Question: Did the new checkout convert better than the old one — by how many points, and is that more than noise?
WITH digits AS (SELECT d FROM (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS t(d)),
grid AS (
    -- plain SQL has no normal or t distribution: tails by Simpson's rule on [x, x + 20] in 20,000
    -- steps of 0.001 (weights 1, 4, 2, 4, …, 4, 1), accurate to 1e-11 here
    SELECT n.i * 0.001E0 AS s,
           CASE WHEN n.i = 0 OR n.i = 20000 THEN 1 WHEN MOD(n.i, 2) = 1 THEN 4 ELSE 2 END AS w
    FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS i
          FROM digits a, digits b, digits c, digits e, digits f) AS n
    WHERE n.i <= 20000),
arms AS (
    SELECT experiment,
           CAST(SUM(CASE WHEN arm = 'control' THEN 1 ELSE 0 END) AS DOUBLE) AS nc,
           CAST(SUM(CASE WHEN arm = 'control' AND converted THEN 1 ELSE 0 END) AS DOUBLE) AS kc,
           CAST(SUM(CASE WHEN arm = 'treatment' THEN 1 ELSE 0 END) AS DOUBLE) AS nt,
           CAST(SUM(CASE WHEN arm = 'treatment' AND converted THEN 1 ELSE 0 END) AS DOUBLE) AS kt
    FROM experiment_users
    GROUP BY experiment),
tests AS (
    SELECT experiment,
           kc / nc AS pc,
           kt / nt AS pt,
           -- the pooled z statistic
           (kt / nt - kc / nc) / SQRT((kc + kt) / (nc + nt) * (1 - (kc + kt) / (nc + nt)) * (1 / nc + 1 / nt)) AS z,
           -- the unpooled standard error of the difference, for its interval
           SQRT(kc / nc * (1 - kc / nc) / nc + kt / nt * (1 - kt / nt) / nt) AS se
    FROM arms),
tails AS (
    -- P(Z > |z|): the standard normal density 1/√(2π)·exp(−s²/2) integrated from |z|
    SELECT t.experiment, SUM(g.w * EXP(-0.5E0 * POWER(ABS(t.z) + g.s, 2))) * 0.001E0 / 3 / 2.5066282746310002E0 AS tail
    FROM tests t CROSS JOIN grid g
    GROUP BY t.experiment)
SELECT t.experiment,
       100 * t.pc AS rate_control,
       100 * t.pt AS rate_treatment,
       100 * (t.pt - t.pc) AS lift_points,
       t.z AS z,
       2 * p.tail AS p_value,
       100 * (t.pt - t.pc - 1.959963984540054E0 * t.se) AS lift_lower_95,
       100 * (t.pt - t.pc + 1.959963984540054E0 * t.se) AS lift_upper_95
FROM tests t
JOIN tails p ON p.experiment = t.experiment
ORDER BY t.experiment

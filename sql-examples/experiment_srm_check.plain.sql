-- Question: Did each test assign users in the planned shares, or is there a sample-ratio mismatch that invalidates it?
WITH digits AS (SELECT d FROM (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS t(d)),
grid AS (
    -- plain SQL has no normal or t distribution: tails by Simpson's rule on [x, x + 20] in 20,000
    -- steps of 0.001 (weights 1, 4, 2, 4, …, 4, 1), accurate to 1e-11 here
    SELECT n.i * 0.001E0 AS s,
           CASE WHEN n.i = 0 OR n.i = 20000 THEN 1 WHEN MOD(n.i, 2) = 1 THEN 4 ELSE 2 END AS w
    FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS i
          FROM digits a, digits b, digits c, digits e, digits f) AS n
    WHERE n.i <= 20000),
counts AS (
    SELECT u.experiment, u.arm, CAST(COUNT(*) AS DOUBLE) AS users, MIN(a.planned_share) AS share
    FROM experiment_users u
    JOIN experiment_arms a ON a.experiment = u.experiment AND a.arm = u.arm
    GROUP BY u.experiment, u.arm),
totals AS (
    SELECT experiment, SUM(users) AS total, COUNT(*) AS arms
    FROM counts
    GROUP BY experiment),
tests AS (
    -- Pearson's chi-square of the observed users per arm against total × planned share
    SELECT c.experiment, t.arms, SUM(POWER(c.users - t.total * c.share, 2) / (t.total * c.share)) AS chi_square
    FROM counts c
    JOIN totals t ON t.experiment = c.experiment
    GROUP BY c.experiment, t.arms),
tails AS (
    -- two arms: one degree of freedom, and P(χ²₁ > x) = 2·P(Z > √x)
    SELECT t.experiment, 2 * SUM(g.w * EXP(-0.5E0 * POWER(SQRT(t.chi_square) + g.s, 2))) * 0.001E0 / 3 / 2.5066282746310002E0 AS p
    FROM tests t CROSS JOIN grid g
    GROUP BY t.experiment)
SELECT t.experiment,
       t.arms AS arms,
       t.chi_square AS chi_square,
       p.p AS p_value,
       p.p < 0.001 AS mismatch
FROM tests t
JOIN tails p ON p.experiment = t.experiment
ORDER BY t.experiment

-- Question: Do users who saw the new checkout recommend us more, or is the NPS gap within noise? (Only a quarter answered.)
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
           CAST(SUM(CASE WHEN arm = 'control' AND nps_score IS NOT NULL THEN 1 ELSE 0 END) AS DOUBLE) AS nc,
           CAST(SUM(CASE WHEN arm = 'control' AND nps_score >= 9 THEN 1 ELSE 0 END) AS DOUBLE) AS promoters_c,
           CAST(SUM(CASE WHEN arm = 'control' AND nps_score <= 6 THEN 1 ELSE 0 END) AS DOUBLE) AS detractors_c,
           CAST(SUM(CASE WHEN arm = 'treatment' AND nps_score IS NOT NULL THEN 1 ELSE 0 END) AS DOUBLE) AS nt,
           CAST(SUM(CASE WHEN arm = 'treatment' AND nps_score >= 9 THEN 1 ELSE 0 END) AS DOUBLE) AS promoters_t,
           CAST(SUM(CASE WHEN arm = 'treatment' AND nps_score <= 6 THEN 1 ELSE 0 END) AS DOUBLE) AS detractors_t
    FROM experiment_users
    GROUP BY experiment),
shares AS (
    SELECT experiment, nc, nt,
           promoters_c / nc AS pc, detractors_c / nc AS dc,
           promoters_t / nt AS pt, detractors_t / nt AS dt
    FROM arms),
tests AS (
    -- an answer scores +1, 0 or −1; its variance is p⁺ + p⁻ − (p⁺ − p⁻)²
    SELECT experiment,
           100 * (pc - dc) AS nps_c,
           100 * (pt - dt) AS nps_t,
           100 * SQRT((pc + dc - POWER(pc - dc, 2)) / nc + (pt + dt - POWER(pt - dt, 2)) / nt) AS se
    FROM shares),
tails AS (
    SELECT t.experiment, SUM(g.w * EXP(-0.5E0 * POWER(ABS((t.nps_t - t.nps_c) / t.se) + g.s, 2))) * 0.001E0 / 3 / 2.5066282746310002E0 AS tail
    FROM tests t CROSS JOIN grid g
    GROUP BY t.experiment)
SELECT t.experiment,
       t.nps_c AS nps_control,
       t.nps_t AS nps_treatment,
       t.nps_t - t.nps_c AS difference,
       2 * p.tail AS p_value,
       t.nps_t - t.nps_c - 1.959963984540054E0 * t.se AS difference_lower_95,
       t.nps_t - t.nps_c + 1.959963984540054E0 * t.se AS difference_upper_95
FROM tests t
JOIN tails p ON p.experiment = t.experiment
ORDER BY t.experiment

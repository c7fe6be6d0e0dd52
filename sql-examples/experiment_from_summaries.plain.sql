-- Question: When all we have is each arm's counts, mean and variance (an export from another tool), what do the tests say?
WITH digits AS (SELECT d FROM (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS t(d)),
grid AS (
    -- plain SQL has no normal or t distribution: tails by Simpson's rule on [x, x + 20] in 20,000
    -- steps of 0.001 (weights 1, 4, 2, 4, …, 4, 1), accurate to 1e-11 here
    SELECT n.i * 0.001E0 AS s,
           CASE WHEN n.i = 0 OR n.i = 20000 THEN 1 WHEN MOD(n.i, 2) = 1 THEN 4 ELSE 2 END AS w
    FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS i
          FROM digits a, digits b, digits c, digits e, digits f) AS n
    WHERE n.i <= 20000),
summaries AS (
    SELECT experiment,
           CAST(SUM(CASE WHEN arm = 'control' THEN 1 ELSE 0 END) AS DOUBLE) AS nc,
           CAST(SUM(CASE WHEN arm = 'control' AND converted THEN 1 ELSE 0 END) AS DOUBLE) AS kc,
           AVG(CASE WHEN arm = 'control' THEN revenue END) AS mc,
           VAR_SAMP(CASE WHEN arm = 'control' THEN revenue END) AS vc,
           CAST(SUM(CASE WHEN arm = 'treatment' THEN 1 ELSE 0 END) AS DOUBLE) AS nt,
           CAST(SUM(CASE WHEN arm = 'treatment' AND converted THEN 1 ELSE 0 END) AS DOUBLE) AS kt,
           AVG(CASE WHEN arm = 'treatment' THEN revenue END) AS mt,
           VAR_SAMP(CASE WHEN arm = 'treatment' THEN revenue END) AS vt
    FROM experiment_users
    GROUP BY experiment),
tests AS (
    SELECT experiment, kt, nt,
           (kt / nt - kc / nc) / SQRT((kc + kt) / (nc + nt) * (1 - (kc + kt) / (nc + nt)) * (1 / nc + 1 / nt)) AS z,
           (mt - mc) / SQRT(vc / nc + vt / nt) AS t,
           POWER(vc / nc + vt / nt, 2) / (POWER(vc / nc, 2) / (nc - 1) + POWER(vt / nt, 2) / (nt - 1)) AS df
    FROM summaries),
tails AS (
    SELECT t.experiment,
           2 * SUM(g.w * EXP(-0.5E0 * POWER(ABS(t.z) + g.s, 2))) * 0.001E0 / 3 / 2.5066282746310002E0 AS p_conversion,
           SUM(g.w * EXP(-(t.df + 1) / 2 * LN(1 + POWER(ABS(t.t) + g.s, 2) / t.df))) / SUM(g.w * EXP(-(t.df + 1) / 2 * LN(1 + POWER(g.s, 2) / t.df))) AS p_revenue
    FROM tests t CROSS JOIN grid g
    GROUP BY t.experiment)
SELECT t.experiment,
       -- the lower Wilson bound of the treatment's conversion
       100 * (t.kt + POWER(1.959963984540054E0, 2) / 2 - 1.959963984540054E0 * SQRT(t.kt * (t.nt - t.kt) / t.nt + POWER(1.959963984540054E0, 2) / 4))
           / (t.nt + POWER(1.959963984540054E0, 2)) AS treatment_conversion_lower_95,
       p.p_conversion AS conversion_p_value,
       p.p_revenue AS revenue_p_value
FROM tests t
JOIN tails p ON p.experiment = t.experiment
ORDER BY t.experiment

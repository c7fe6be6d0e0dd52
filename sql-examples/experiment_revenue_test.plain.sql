-- Question: Does the new checkout earn more per user (most users spend nothing, a few spend a lot), and is the difference real?
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
           AVG(CASE WHEN arm = 'control' THEN revenue END) AS mc,
           VAR_SAMP(CASE WHEN arm = 'control' THEN revenue END) AS vc,
           CAST(SUM(CASE WHEN arm = 'control' THEN 1 ELSE 0 END) AS DOUBLE) AS nc,
           AVG(CASE WHEN arm = 'treatment' THEN revenue END) AS mt,
           VAR_SAMP(CASE WHEN arm = 'treatment' THEN revenue END) AS vt,
           CAST(SUM(CASE WHEN arm = 'treatment' THEN 1 ELSE 0 END) AS DOUBLE) AS nt
    FROM experiment_users
    GROUP BY experiment),
tests AS (
    -- Welch: unequal variances, Welch–Satterthwaite degrees of freedom
    SELECT experiment, mc, mt,
           (mt - mc) / SQRT(vc / nc + vt / nt) AS t,
           POWER(vc / nc + vt / nt, 2) / (POWER(vc / nc, 2) / (nc - 1) + POWER(vt / nt, 2) / (nt - 1)) AS df,
           SQRT(vc / nc + vt / nt) AS se
    FROM arms),
tails AS (
    -- two-sided P(|T| > |t|) for Student's t with df degrees of freedom: the density (1 + s²/df)^(−(df + 1)/2)
    -- integrated from |t|, over its integral from 0 (the normalising Γ functions cancel)
    SELECT t.experiment,
           SUM(g.w * EXP(-(t.df + 1) / 2 * LN(1 + POWER(ABS(t.t) + g.s, 2) / t.df))) / SUM(g.w * EXP(-(t.df + 1) / 2 * LN(1 + POWER(g.s, 2) / t.df))) AS p
    FROM tests t CROSS JOIN grid g
    GROUP BY t.experiment),
quantiles AS (
    -- t_df(0.975) by the Cornish–Fisher expansion around z = 1.959963984540054 (Abramowitz & Stegun 26.7.5)
    SELECT experiment, se,
           1.959963984540054E0
               + (POWER(1.959963984540054E0, 3) + 1.959963984540054E0) / (4 * df)
               + (5 * POWER(1.959963984540054E0, 5) + 16 * POWER(1.959963984540054E0, 3) + 3 * 1.959963984540054E0) / (96 * POWER(df, 2))
               + (3 * POWER(1.959963984540054E0, 7) + 19 * POWER(1.959963984540054E0, 5) + 17 * POWER(1.959963984540054E0, 3) - 15 * 1.959963984540054E0) / (384 * POWER(df, 3))
               + (79 * POWER(1.959963984540054E0, 9) + 776 * POWER(1.959963984540054E0, 7) + 1482 * POWER(1.959963984540054E0, 5)
                  - 1920 * POWER(1.959963984540054E0, 3) - 945 * 1.959963984540054E0) / (92160 * POWER(df, 4)) AS q
    FROM tests)
SELECT t.experiment,
       t.mc AS revenue_per_user_control,
       t.mt AS revenue_per_user_treatment,
       t.mt - t.mc AS difference,
       t.t AS t,
       t.df AS df,
       p.p AS p_value,
       t.mt - t.mc - q.q * q.se AS difference_lower_95,
       t.mt - t.mc + q.q * q.se AS difference_upper_95
FROM tests t
JOIN tails p ON p.experiment = t.experiment
JOIN quantiles q ON q.experiment = t.experiment
ORDER BY t.experiment

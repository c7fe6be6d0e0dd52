-- Question: Did each test assign users in the planned shares, or is there a sample-ratio mismatch that invalidates it?
SELECT experiment,
       t.srm.variants AS arms,
       t.srm.chi_square AS chi_square,
       t.srm.p_value AS p_value,
       t.srm.p_value < 0.001 AS mismatch
FROM (SELECT u.experiment, srm_test(u.arm, a.planned_share) AS srm
      FROM experiment_users u
      JOIN experiment_arms a ON a.experiment = u.experiment AND a.arm = u.arm
      GROUP BY u.experiment) AS t
ORDER BY experiment

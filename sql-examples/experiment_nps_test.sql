-- Question: Do users who saw the new checkout recommend us more, or is the NPS gap within noise? (Only a quarter answered.)
SELECT experiment,
       t.nps.nps_control AS nps_control,
       t.nps.nps_treatment AS nps_treatment,
       t.nps.difference AS difference,
       t.nps.p_value AS p_value,
       t.nps.lower AS difference_lower_95,
       t.nps.upper AS difference_upper_95
FROM (SELECT experiment, nps_difference_test(nps_score, arm, 'control') AS nps
      FROM experiment_users
      GROUP BY experiment) AS t
ORDER BY experiment

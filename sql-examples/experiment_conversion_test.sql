-- Question: Did the new checkout convert better than the old one — by how many points, and is that more than noise?
SELECT experiment,
       t.conversion.rate_control AS rate_control,
       t.conversion.rate_treatment AS rate_treatment,
       t.conversion.difference AS lift_points,
       t.conversion.z AS z,
       t.conversion.p_value AS p_value,
       t.conversion.lower AS lift_lower_95,
       t.conversion.upper AS lift_upper_95
FROM (SELECT experiment, two_proportion_z_test(converted, arm, 'control') AS conversion
      FROM experiment_users
      GROUP BY experiment) AS t
ORDER BY experiment

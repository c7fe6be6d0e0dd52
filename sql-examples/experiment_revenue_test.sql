-- Question: Does the new checkout earn more per user (most users spend nothing, a few spend a lot), and is the difference real?
SELECT experiment,
       t.revenue.mean_control AS revenue_per_user_control,
       t.revenue.mean_treatment AS revenue_per_user_treatment,
       t.revenue.difference AS difference,
       t.revenue.t AS t,
       t.revenue.df AS df,
       t.revenue.p_value AS p_value,
       t.revenue.lower AS difference_lower_95,
       t.revenue.upper AS difference_upper_95
FROM (SELECT experiment, welch_t_test(revenue, arm, 'control') AS revenue
      FROM experiment_users
      GROUP BY experiment) AS t
ORDER BY experiment

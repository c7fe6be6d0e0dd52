-- Question: When all we have is each arm's counts, mean and variance (an export from another tool), what do the tests say?
WITH summaries AS (
    SELECT experiment,
           SUM(CASE WHEN arm = 'control' THEN 1 ELSE 0 END) AS users_control,
           SUM(CASE WHEN arm = 'control' AND converted THEN 1 ELSE 0 END) AS conversions_control,
           avg(CASE WHEN arm = 'control' THEN revenue END) AS revenue_mean_control,
           var_samp(CASE WHEN arm = 'control' THEN revenue END) AS revenue_variance_control,
           SUM(CASE WHEN arm = 'treatment' THEN 1 ELSE 0 END) AS users_treatment,
           SUM(CASE WHEN arm = 'treatment' AND converted THEN 1 ELSE 0 END) AS conversions_treatment,
           avg(CASE WHEN arm = 'treatment' THEN revenue END) AS revenue_mean_treatment,
           var_samp(CASE WHEN arm = 'treatment' THEN revenue END) AS revenue_variance_treatment
    FROM experiment_users
    GROUP BY experiment)
SELECT experiment,
       (rate_interval_from_counts(conversions_treatment, users_treatment)).lower AS treatment_conversion_lower_95,
       (two_proportion_z_test_from_counts(conversions_control, users_control, conversions_treatment, users_treatment)).p_value AS conversion_p_value,
       (welch_t_test_from_stats(revenue_mean_control, revenue_variance_control, users_control,
                                revenue_mean_treatment, revenue_variance_treatment, users_treatment)).p_value AS revenue_p_value
FROM summaries
ORDER BY experiment

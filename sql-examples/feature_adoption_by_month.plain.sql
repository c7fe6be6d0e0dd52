SELECT month, feature,
       100 * CAST(COUNT(DISTINCT CASE WHEN used_feature THEN user_id END) AS DOUBLE) / COUNT(DISTINCT user_id) AS adoption_rate
FROM feature_usage
GROUP BY month, feature
ORDER BY month, feature

-- Question: How fast is smart_reports (launched in April) being adopted, next to older features?
SELECT month, feature,
       feature_adoption_rate(user_id, used_feature) AS adoption_rate
FROM feature_usage
GROUP BY month, feature
ORDER BY month, feature

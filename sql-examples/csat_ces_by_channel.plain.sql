SELECT channel,
       100 * CAST(SUM(CASE WHEN csat_score >= 4 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(csat_score) AS csat,
       100 * CAST(SUM(CASE WHEN ces_score >= 6 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(ces_score) AS high_effort_share,
       CAST(SUM(ces_score) AS DOUBLE) / COUNT(ces_score) AS ces,
       CAST(SUM(ces_score) AS DOUBLE) / COUNT(ces_score) AS ces_on_default_scale
FROM survey_responses
GROUP BY channel
ORDER BY channel

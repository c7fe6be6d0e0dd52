SELECT segment,
       100 * CAST(SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(nps_score) AS nps,
       1.959963984540054 * 100 * SQRT(
           (CAST(SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(nps_score)
            + CAST(SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(nps_score)
            - POWER(CAST(SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(nps_score), 2))
           / COUNT(nps_score)) AS margin_of_error,
       COUNT(nps_score) AS responses
FROM survey_responses
GROUP BY segment
ORDER BY segment

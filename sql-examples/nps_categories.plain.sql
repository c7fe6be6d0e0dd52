SELECT category, COUNT(*) AS responses
FROM (SELECT TRIM(CASE WHEN nps_score >= 9 THEN 'promoter'
                       WHEN nps_score >= 7 THEN 'passive'
                       WHEN nps_score >= 0 THEN 'detractor' END) AS category
      FROM survey_responses
      WHERE responded_on >= DATE '2025-07-01') AS t
GROUP BY category
ORDER BY category

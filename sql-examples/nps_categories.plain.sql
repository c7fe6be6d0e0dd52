SELECT CASE WHEN nps_score >= 9 THEN 'promoter' WHEN nps_score >= 7 THEN 'passive' WHEN nps_score >= 0 THEN 'detractor' END AS category,
       COUNT(*) AS responses
FROM survey_responses
WHERE responded_on >= DATE '2025-07-01'
GROUP BY CASE WHEN nps_score >= 9 THEN 'promoter' WHEN nps_score >= 7 THEN 'passive' WHEN nps_score >= 0 THEN 'detractor' END
ORDER BY category

WITH answers AS (
    SELECT (EXTRACT(MONTH FROM responded_on) + 2) / 3 AS quarter,
           CAST(SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(nps_score) AS promoters,
           CAST(SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(nps_score) AS detractors,
           COUNT(nps_score) AS n
    FROM survey_responses
    GROUP BY (EXTRACT(MONTH FROM responded_on) + 2) / 3)
SELECT quarter,
       100 * (promoters - detractors) AS nps,
       -- z for a two-sided 90 % interval
       1.6448536269514722 * 100 * SQRT((promoters + detractors - POWER(promoters - detractors, 2)) / n) AS margin_of_error_90
FROM answers
ORDER BY quarter

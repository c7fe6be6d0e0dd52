-- Question: Did the July price change move NPS, beyond what noise explains at 90 % confidence?
SELECT (EXTRACT(MONTH FROM responded_on) + 2) / 3 AS quarter,
       nps(nps_score) AS nps,
       nps_margin_of_error(nps_score, 0.9) AS margin_of_error_90
FROM survey_responses
GROUP BY (EXTRACT(MONTH FROM responded_on) + 2) / 3
ORDER BY quarter

-- Question: How likely are our customers to recommend us, per segment, and how sure are we?
-- NPS with its 95 % margin of error, from survey answers (blank answers are skipped).
SELECT segment,
       nps(nps_score) AS nps,
       nps_margin_of_error(nps_score) AS margin_of_error,
       count(nps_score) AS responses
FROM survey_responses
GROUP BY segment
ORDER BY segment

-- Question: Are customers who answer in the app more satisfied, and do they find us easier to work with?
-- CSAT is top-two-box on the 1..5 scale; CES is the average effort on a 1..7 scale (lower is easier).
SELECT channel,
       csat(csat_score) AS csat,
       csat(ces_score, 7) AS high_effort_share,
       ces(ces_score, 7) AS ces,
       ces(ces_score) AS ces_on_default_scale
FROM survey_responses
GROUP BY channel
ORDER BY channel

-- Question: How many promoters, passives and detractors answered in the second half of the year?
SELECT nps_category(nps_score) AS category,
       count(*) AS responses
FROM survey_responses
WHERE responded_on >= DATE '2025-07-01'
GROUP BY nps_category(nps_score)
ORDER BY category

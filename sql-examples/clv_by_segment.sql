-- Question: What is a customer worth over their lifetime, per segment?
-- CLV = average monthly payment × 12 payments a year × expected lifespan in years, where the
-- lifespan is 1 / annual churn (monthly churn × 12) over the year.
WITH segment_stats AS (
    SELECT segment,
           arpu(current_mrr) AS avg_payment,
           churn_rate(current_mrr = 0) AS monthly_churn
    FROM customer_mrr
    WHERE previous_mrr > 0
    GROUP BY segment)
SELECT segment,
       clv(avg_payment, 12, 100 / (12 * monthly_churn)) AS clv
FROM segment_stats
ORDER BY segment

-- Question: Of the visitors from each channel, how many signed up, activated and paid within 7 days of a visit, and where does the funnel lose them?
-- window_funnel gives every visitor the furthest step reached within 7 days of a page view (a later
-- page view starts the 7 days again); conversion_rate over those who reached a step is the step's conversion.
WITH funnels AS (
    SELECT user_id, MIN(channel) AS channel,
           window_funnel(INTERVAL '7' DAY, event_time,
                         ARRAY[event = 'page_view', event = 'signup', event = 'activation', event = 'first_payment']) AS steps
    FROM events
    GROUP BY user_id)
SELECT channel,
       COUNT(*) AS visitors,
       SUM(CASE WHEN steps >= 2 THEN 1 ELSE 0 END) AS signed_up,
       SUM(CASE WHEN steps >= 3 THEN 1 ELSE 0 END) AS activated,
       SUM(CASE WHEN steps >= 4 THEN 1 ELSE 0 END) AS paid,
       conversion_rate(steps >= 2) AS visit_to_signup,
       conversion_rate(steps >= 3) FILTER (WHERE steps >= 2) AS signup_to_activation,
       conversion_rate(steps >= 4) FILTER (WHERE steps >= 3) AS activation_to_payment
FROM funnels
GROUP BY channel
ORDER BY channel

-- The furthest step within 7 days of a page view, by hand: for every page view, the first signup at or after
-- it within 7 days, the first activation at or after that signup within the same 7 days, the first payment
-- after that; a visitor's level is the best of their page views.
WITH views AS (
    SELECT user_id, event_time AS t1 FROM events WHERE event = 'page_view'),
step2 AS (
    SELECT v.user_id, v.t1, MIN(s.event_time) AS t2
    FROM views v
    LEFT JOIN events s ON s.user_id = v.user_id AND s.event = 'signup'
        AND s.event_time >= v.t1 AND s.event_time <= v.t1 + INTERVAL '7' DAY
    GROUP BY v.user_id, v.t1),
step3 AS (
    SELECT x.user_id, x.t1, x.t2, MIN(a.event_time) AS t3
    FROM step2 x
    LEFT JOIN events a ON a.user_id = x.user_id AND a.event = 'activation'
        AND a.event_time >= x.t2 AND a.event_time <= x.t1 + INTERVAL '7' DAY
    GROUP BY x.user_id, x.t1, x.t2),
step4 AS (
    SELECT x.user_id, x.t1, x.t2, x.t3, MIN(p.event_time) AS t4
    FROM step3 x
    LEFT JOIN events p ON p.user_id = x.user_id AND p.event = 'first_payment'
        AND p.event_time >= x.t3 AND p.event_time <= x.t1 + INTERVAL '7' DAY
    GROUP BY x.user_id, x.t1, x.t2, x.t3),
levels AS (
    SELECT user_id, MAX(CASE WHEN t4 IS NOT NULL THEN 4 WHEN t3 IS NOT NULL THEN 3 WHEN t2 IS NOT NULL THEN 2 ELSE 1 END) AS steps
    FROM step4
    GROUP BY user_id),
visitors AS (
    SELECT user_id, MIN(channel) AS channel FROM events GROUP BY user_id),
funnels AS (
    SELECT v.channel, COALESCE(l.steps, 0) AS steps
    FROM visitors v LEFT JOIN levels l ON l.user_id = v.user_id)
SELECT channel,
       COUNT(*) AS visitors,
       SUM(CASE WHEN steps >= 2 THEN 1 ELSE 0 END) AS signed_up,
       SUM(CASE WHEN steps >= 3 THEN 1 ELSE 0 END) AS activated,
       SUM(CASE WHEN steps >= 4 THEN 1 ELSE 0 END) AS paid,
       100e0 * SUM(CASE WHEN steps >= 2 THEN 1 ELSE 0 END) / COUNT(*) AS visit_to_signup,
       100e0 * SUM(CASE WHEN steps >= 3 THEN 1 ELSE 0 END) / NULLIF(SUM(CASE WHEN steps >= 2 THEN 1 ELSE 0 END), 0) AS signup_to_activation,
       100e0 * SUM(CASE WHEN steps >= 4 THEN 1 ELSE 0 END) / NULLIF(SUM(CASE WHEN steps >= 3 THEN 1 ELSE 0 END), 0) AS activation_to_payment
FROM funnels
GROUP BY channel
ORDER BY channel

-- The same with COUNT(DISTINCT …): the users of a cohort with an event in the week after, two weeks after, three weeks after.
WITH weekly AS (
    SELECT user_id, event, (EXTRACT(DOY FROM event_time) - 1) / 7 + 1 AS week
    FROM events),
cohorts AS (
    SELECT user_id, MIN(week) AS cohort
    FROM weekly
    WHERE event = 'signup'
    GROUP BY user_id)
SELECT c.cohort AS signup_week,
       COUNT(DISTINCT c.user_id) AS users,
       100e0 * COUNT(DISTINCT CASE WHEN w.week = c.cohort + 1 THEN c.user_id END) / COUNT(DISTINCT c.user_id) AS week_1,
       100e0 * COUNT(DISTINCT CASE WHEN w.week = c.cohort + 2 THEN c.user_id END) / COUNT(DISTINCT c.user_id) AS week_2,
       100e0 * COUNT(DISTINCT CASE WHEN w.week = c.cohort + 3 THEN c.user_id END) / COUNT(DISTINCT c.user_id) AS week_3
FROM cohorts c JOIN weekly w ON w.user_id = c.user_id
WHERE c.cohort <= 26
GROUP BY c.cohort
ORDER BY c.cohort

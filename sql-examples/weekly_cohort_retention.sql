-- Question: Of the users who signed up in each week of the first half of 2025, what share came back in each of the three weeks after?
-- retention's element 1 is "active in the signup week" (always, they signed up), element k + 1 "active k weeks later";
-- summed over a cohort's users they count the users retained. Weeks are numbered 1, 2, … from 1 January.
WITH weekly AS (
    SELECT user_id, event, (EXTRACT(DOY FROM event_time) - 1) / 7 + 1 AS week
    FROM events),
cohorts AS (
    SELECT user_id, MIN(week) AS cohort
    FROM weekly
    WHERE event = 'signup'
    GROUP BY user_id),
retained AS (
    SELECT c.cohort, c.user_id,
           retention(ARRAY[w.week = c.cohort, w.week = c.cohort + 1, w.week = c.cohort + 2, w.week = c.cohort + 3]) AS r
    FROM cohorts c JOIN weekly w ON w.user_id = c.user_id
    GROUP BY c.cohort, c.user_id)
SELECT cohort AS signup_week,
       SUM(r[1]) AS users,
       100e0 * SUM(r[2]) / SUM(r[1]) AS week_1,
       100e0 * SUM(r[3]) / SUM(r[1]) AS week_2,
       100e0 * SUM(r[4]) / SUM(r[1]) AS week_3
FROM retained
WHERE cohort <= 26
GROUP BY cohort
ORDER BY cohort

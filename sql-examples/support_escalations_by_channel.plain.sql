-- By hand: each error's next support contact (a window over the rows after it); an error escalates when that
-- contact comes within 10 minutes; errors that escalate to the same contact are one sequence.
WITH timeline AS (
    SELECT user_id, channel, event, event_time,
           MIN(CASE WHEN event = 'support_contact' THEN event_time END)
               OVER (PARTITION BY user_id ORDER BY event_time ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_contact
    FROM events
    WHERE event IN ('error', 'support_contact')),
per_user AS (
    SELECT user_id, MIN(channel) AS channel,
           SUM(CASE WHEN event = 'error' THEN 1 ELSE 0 END) AS errors,
           COUNT(DISTINCT CASE WHEN event = 'error' AND next_contact <= event_time + INTERVAL '10' MINUTE THEN next_contact END) AS escalations
    FROM timeline
    GROUP BY user_id)
SELECT channel,
       COUNT(*) AS users_with_errors,
       SUM(errors) AS errors,
       SUM(escalations) AS escalations,
       100e0 * SUM(CASE WHEN escalations > 0 THEN 1 ELSE 0 END) / COUNT(*) AS escalating_users
FROM per_user
WHERE errors > 0
GROUP BY channel
ORDER BY channel

-- Question: How often does an error end in a support contact within 10 minutes, per channel?
-- sequence_count counts a user's (error, then a contact within 600 seconds) sequences, each search starting
-- after the contact the previous one used; sequence_match says whether a user had one at all.
WITH per_user AS (
    SELECT user_id, MIN(channel) AS channel,
           SUM(CASE WHEN event = 'error' THEN 1 ELSE 0 END) AS errors,
           sequence_count('(?1)(?t<=600)(?2)', event_time, ARRAY[event = 'error', event = 'support_contact']) AS escalations,
           sequence_match('(?1)(?t<=600)(?2)', event_time, ARRAY[event = 'error', event = 'support_contact']) AS escalated
    FROM events
    WHERE event IN ('error', 'support_contact')
    GROUP BY user_id)
SELECT channel,
       COUNT(*) AS users_with_errors,
       SUM(errors) AS errors,
       SUM(escalations) AS escalations,
       conversion_rate(escalated) AS escalating_users
FROM per_user
WHERE errors > 0
GROUP BY channel
ORDER BY channel

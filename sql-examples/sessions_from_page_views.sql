-- Question: Cut the raw page views into sessions (a new one after 30 minutes without a view): per channel, how many sessions does a visitor have, how long do they last, how many bounce, how many pages do they show?
-- session_count as a window function numbers each page view's session 1, 2, … per visitor; the seed's
-- session KPIs then work on the sessions it makes.
WITH views AS (
    SELECT user_id, channel, event_time,
           user_id * 1000 + session_count(event_time, INTERVAL '30' MINUTE) OVER (PARTITION BY user_id ORDER BY event_time) AS session_id
    FROM events
    WHERE event = 'page_view'),
sessions AS (
    SELECT channel, user_id, session_id, MIN(event_time) AS session_start, MAX(event_time) AS session_end, COUNT(*) AS pageviews
    FROM views
    GROUP BY channel, user_id, session_id),
by_session AS (
    SELECT channel,
           sessions_per_user(session_id, user_id) AS sessions_per_user,
           avg_session_duration(session_start, session_end) AS avg_session_seconds,
           bounce_rate(pageviews) AS bounce_rate
    FROM sessions
    GROUP BY channel),
by_view AS (
    SELECT channel, pages_per_session(session_id) AS pages_per_session
    FROM views
    GROUP BY channel)
SELECT s.channel, s.sessions_per_user, s.avg_session_seconds, s.bounce_rate, v.pages_per_session
FROM by_session s JOIN by_view v ON v.channel = s.channel
ORDER BY s.channel

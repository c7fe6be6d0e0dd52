SELECT channel,
       100 * CAST(SUM(CASE WHEN resolved_on_first_contact THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(resolved_on_first_contact) AS fcr,
       CAST(SUM(TIMESTAMPDIFF(SECOND, opened_at, resolved_at)) AS DOUBLE) / COUNT(resolved_at) / 3600 AS hours_to_resolution
FROM support_tickets
GROUP BY channel
ORDER BY channel

-- Question: Which support channel resolves tickets on first contact, and how long do resolutions take?
-- Open tickets (no resolved_at yet) are skipped by the duration, as NULLs are.
SELECT channel,
       first_contact_resolution_rate(resolved_on_first_contact) AS fcr,
       time_to_value(opened_at, resolved_at) / 3600 AS hours_to_resolution
FROM support_tickets
GROUP BY channel
ORDER BY channel

SELECT kind,
       100 * CAST(SUM(opens) AS DOUBLE) / NULLIF(SUM(delivered), 0) AS open_rate,
       100 * CAST(SUM(clicks) AS DOUBLE) / NULLIF(SUM(delivered), 0) AS click_through_rate
FROM email_sends
GROUP BY kind
ORDER BY kind

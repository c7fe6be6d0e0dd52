SELECT channel,
       100 * CAST(SUM(clicks) AS DOUBLE) / NULLIF(SUM(impressions), 0) AS ctr,
       100 * CAST(SUM(engagements) AS DOUBLE) / NULLIF(SUM(impressions), 0) AS engagement_rate,
       100 * CAST(SUM(leads) AS DOUBLE) / NULLIF(SUM(visitors), 0) AS visitor_to_lead,
       100 * CAST(SUM(conversions) AS DOUBLE) / NULLIF(SUM(leads), 0) AS lead_to_conversion
FROM campaigns
GROUP BY channel
ORDER BY channel

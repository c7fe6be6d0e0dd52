-- Question: Where in the funnel does each paid channel lose people?
SELECT channel,
       click_through_rate(clicks, impressions) AS ctr,
       engagement_rate(engagements, impressions) AS engagement_rate,
       conversion_rate(leads, visitors) AS visitor_to_lead,
       conversion_rate(conversions, leads) AS lead_to_conversion
FROM campaigns
GROUP BY channel
ORDER BY channel

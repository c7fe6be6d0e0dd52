-- Question: Which e-mails get opened, and which get clicked?
SELECT kind,
       open_rate(opens, delivered) AS open_rate,
       click_through_rate(clicks, delivered) AS click_through_rate
FROM email_sends
GROUP BY kind
ORDER BY kind

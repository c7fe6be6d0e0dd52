-- Question: What share of each regional market do we hold over the year?
SELECT region,
       market_share(company_sales, industry_sales) AS market_share
FROM market_sales
GROUP BY region
ORDER BY region

SELECT region,
       100 * SUM(company_sales) / NULLIF(SUM(industry_sales), 0) AS market_share
FROM market_sales
GROUP BY region
ORDER BY region

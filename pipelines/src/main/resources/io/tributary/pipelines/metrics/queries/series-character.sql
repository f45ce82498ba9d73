-- What each series' last 12 hours look like: stationarity, seasonality, and why a value is missing
SELECT metric, series, samples, ROUND(adf_pvalue, 4) AS adf_pvalue, stationary, seasonal_period,
       ROUND(seasonal_strength, 3) AS seasonal_strength, ROUND(trend_strength, 3) AS trend_strength,
       note
FROM gold.metrics_metadata
ORDER BY metric, series

-- metrics_series_metadata: computed per series from silver (metrics/series/SeriesOperator).
INSERT INTO gold.metrics_metadata
SELECT metric, series, window_end, samples, acf, significant_lags, adf_statistic, adf_pvalue,
       adf_used_lag, adf_nobs, adf_critical_1pct, adf_critical_5pct, adf_critical_10pct,
       stationary, seasonal_period, seasonal_strength, trend_strength, note
FROM metrics_series_metadata

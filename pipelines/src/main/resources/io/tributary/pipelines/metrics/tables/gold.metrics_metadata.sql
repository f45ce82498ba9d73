-- Per metric series: what its last 12 hours look like (the window ending at its latest window end),
-- as statsmodels computes it. A value that cannot be computed is NULL and note says why.
CREATE TABLE gold.metrics_metadata (
  metric              STRING,
  series              STRING,
  window_end          TIMESTAMP(3),   -- UTC
  samples             BIGINT,
  acf                 ARRAY<DOUBLE>,  -- lags 1..min(10*log10(n), n - 1), acf(adjusted=False)
  significant_lags    ARRAY<INT>,     -- |acf| > 1.96 / sqrt(n)
  adf_statistic       DOUBLE,         -- adfuller(regression='c', autolag='AIC')
  adf_pvalue          DOUBLE,         -- MacKinnon
  adf_used_lag        INT,
  adf_nobs            INT,
  adf_critical_1pct   DOUBLE,
  adf_critical_5pct   DOUBLE,
  adf_critical_10pct  DOUBLE,
  stationary          BOOLEAN,        -- adf_pvalue < 0.05
  seasonal_period     INT,            -- in samples: the highest significant ACF peak in [2, n/2)
  seasonal_strength   DOUBLE,         -- max(0, 1 - Var(R) / Var(S + R))
  trend_strength      DOUBLE,         -- max(0, 1 - Var(R) / Var(T + R))
  note                STRING          -- why a value is missing
)

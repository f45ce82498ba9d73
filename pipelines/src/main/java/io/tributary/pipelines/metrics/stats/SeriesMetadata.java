package io.tributary.pipelines.metrics.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.flink.annotation.Internal;

/**
 * What {@code gold.metrics_metadata} says of a series' window: its ACF and significant lags, the
 * augmented Dickey-Fuller test, and the seasonal period with the strengths of the additive
 * decomposition at it (ARCHITECTURE.md, infrastructure metrics). A value that cannot be computed is
 * null, and {@link #note} says why: a constant series, too few samples, no seasonal peak.
 */
@Internal
public final class SeriesMetadata {
    public final int samples;
    public final double[] acf;
    public final int[] significantLags;
    public final AugmentedDickeyFuller.Result adf;
    public final Integer seasonalPeriod;
    public final Double seasonalStrength;
    public final Double trendStrength;
    public final String note;

    private SeriesMetadata(
            int samples,
            double[] acf,
            int[] significantLags,
            AugmentedDickeyFuller.Result adf,
            Integer seasonalPeriod,
            Double seasonalStrength,
            Double trendStrength,
            String note) {
        this.samples = samples;
        this.acf = acf;
        this.significantLags = significantLags;
        this.adf = adf;
        this.seasonalPeriod = seasonalPeriod;
        this.seasonalStrength = seasonalStrength;
        this.trendStrength = trendStrength;
        this.note = note;
    }

    /** The metadata of samples in time order, as they are (not resampled). */
    public static SeriesMetadata of(double[] x) {
        int n = x.length;
        if (isConstant(x)) {
            return new SeriesMetadata(
                    n,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    n < 2
                            ? "fewer than 2 samples: no autocorrelation, stationarity test or seasonality"
                            : "constant series: no autocorrelation, stationarity test or seasonality");
        }
        List<String> notes = new ArrayList<>();
        double[] acf = Autocorrelation.of(x, Autocorrelation.defaultLags(n));
        double bound = Autocorrelation.significanceBound(n);
        List<Integer> significant = new ArrayList<>();
        for (int k = 1; k <= acf.length; k++) {
            if (Math.abs(acf[k - 1]) > bound) {
                significant.add(k);
            }
        }
        AugmentedDickeyFuller.Result adf = null;
        if (AugmentedDickeyFuller.defaultMaxLag(n) < 0) {
            notes.add(n + " samples are too few for the Dickey-Fuller test (it needs 4)");
        } else {
            try {
                adf = AugmentedDickeyFuller.test(x);
            } catch (SingularMatrixException e) {
                // statsmodels answers from a pseudo-inverse; a number from a degenerate fit
                // would only mislead.
                notes.add(
                        "no Dickey-Fuller test: its regression is singular (the series repeats"
                                + " exactly)");
            }
        }
        Integer period = null;
        Double seasonalStrength = null;
        Double trendStrength = null;
        OptionalInt found = SeasonalDecomposition.period(x);
        if (found.isEmpty()) {
            notes.add("no significant ACF peak in [2, n/2]");
        } else {
            // A peak below n/2 leaves at least two full periods for the decomposition.
            period = found.getAsInt();
            SeasonalDecomposition d = SeasonalDecomposition.of(x, period);
            seasonalStrength = d.seasonalStrength();
            trendStrength = d.trendStrength();
        }
        return new SeriesMetadata(
                n,
                acf,
                significant.stream().mapToInt(Integer::intValue).toArray(),
                adf,
                period,
                seasonalStrength,
                trendStrength,
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** Whether the samples hold no variation at all (or fewer than two of them). */
    private static boolean isConstant(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] != x[0]) {
                return false;
            }
        }
        return true;
    }

    /** Stationary: the Dickey-Fuller test rejects a unit root at 5 %. */
    public Boolean stationary() {
        return adf == null ? null : adf.pvalue < 0.05;
    }
}

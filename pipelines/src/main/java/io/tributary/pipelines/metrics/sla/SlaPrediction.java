package io.tributary.pipelines.metrics.sla;

import io.tributary.pipelines.metrics.stats.Forecast;
import org.apache.flink.annotation.Internal;

/**
 * What a forecast says of an SLA's range over its horizon: how many of its points fall outside, and
 * the highest probability, over those points, of the value being outside under the forecast's
 * normal law. The pipeline ({@code gold.sla_predictions}) and the service answer with this one
 * computation.
 */
@Internal
public final class SlaPrediction {
    public final long predictedViolations;
    public final double breachProbability;

    private SlaPrediction(long predictedViolations, double breachProbability) {
        this.predictedViolations = predictedViolations;
        this.breachProbability = breachProbability;
    }

    public static SlaPrediction of(Forecast forecast, SlaRange range) {
        long violations = 0;
        double worst = 0;
        for (int h = 1; h <= forecast.horizon; h++) {
            violations += range.violatedBy(forecast.model.forecast(h)) ? 1 : 0;
            worst = Math.max(worst, forecast.outsideProbability(h, range.min(), range.max()));
        }
        return new SlaPrediction(violations, worst);
    }
}

package io.tributary.pipelines.metrics;

import static org.apache.flink.configuration.description.TextElement.text;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

/** Where a metrics backfill reads its samples; a stream always follows Prometheus. */
@PublicEvolving
public enum MetricsSource implements DescribedEnum {
    LANDING(
            "Prometheus query_range JSON responses saved under <landing>/metrics/<metric>/*.json "
                    + "(what curl .../api/v1/query_range writes); the folder names the metric."),
    PROMETHEUS(
            "A Prometheus server's HTTP API (tributary.metrics.prometheus.url), every metric of the "
                    + "metrics file over the backfill's time range, in chunks under the API's "
                    + "11,000 points per series.");

    private final String description;

    MetricsSource(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}

package io.tributary.pipelines.metrics;

import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings of the metrics pipeline (docs/metrics.md). */
@PublicEvolving
public final class MetricsOptions {
    private MetricsOptions() {}

    public static final ConfigOption<String> FILE =
            ConfigOptions.key("tributary.metrics.file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "YAML file of the metrics to follow ('metrics:' then one 'name: PromQL' "
                                    + "per metric). Unset: node-exporter's available memory, CPU "
                                    + "usage, CPU temperature, processes and network throughput.");

    public static final ConfigOption<MetricsSource> SOURCE =
            ConfigOptions.key("tributary.metrics.source")
                    .enumType(MetricsSource.class)
                    .defaultValue(MetricsSource.LANDING)
                    .withDescription("Where a backfill reads its samples.");

    public static final ConfigOption<String> PROMETHEUS_URL =
            ConfigOptions.key("tributary.metrics.prometheus.url")
                    .stringType()
                    .defaultValue("http://localhost:9090")
                    .withDescription(
                            "The Prometheus server a backfill with source 'prometheus', and every "
                                    + "stream, reads (its HTTP API, /api/v1/query_range).");

    public static final ConfigOption<Duration> RESOLUTION =
            ConfigOptions.key("tributary.metrics.prometheus.resolution")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(15))
                    .withDescription(
                            "The step of the range queries: one sample per series every this long, "
                                    + "at multiples of it in UTC. Use the scrape interval; at least 1 s.");

    public static final ConfigOption<String> BACKFILL_FROM =
            ConfigOptions.key("tributary.metrics.backfill.from")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Source 'prometheus': the start of the time range read, an ISO date or "
                                    + "date-time in UTC (2025-03-01, 2025-03-01T06:00). Unset: one "
                                    + "day before the end. Bronze and silver samples of other times "
                                    + "stay as they are.");

    public static final ConfigOption<String> BACKFILL_UNTIL =
            ConfigOptions.key("tributary.metrics.backfill.until")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Source 'prometheus': the end (excluded) of the time range read, an ISO "
                                    + "date or date-time in UTC. Unset: now.");

    public static final ConfigOption<Duration> WINDOW_STEP =
            ConfigOptions.key("tributary.metrics.window.step")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "Window ends fall on multiples of this in UTC; each 1 h, 3 h and 12 h "
                                    + "window is computed at every end. Divides 1 h; at least 1 s.");

    public static final ConfigOption<Duration> STREAM_DELAY =
            ConfigOptions.key("tributary.metrics.stream.delay")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How far behind now a stream reads, so that Prometheus holds every "
                                    + "series of a time before it is read: at least the scrape "
                                    + "interval plus the longest scrape.");

    public static final ConfigOption<Duration> STREAM_POLL_INTERVAL =
            ConfigOptions.key("tributary.metrics.stream.poll-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(15))
                    .withDescription(
                            "How often a stream asks Prometheus for each metric's new samples.");

    public static final ConfigOption<Duration> STREAM_HISTORY =
            ConfigOptions.key("tributary.metrics.stream.history")
                    .durationType()
                    .defaultValue(Duration.ofHours(12))
                    .withDescription(
                            "How far back a stream starts for a metric the lake holds nothing of "
                                    + "(so its 12 h windows start full). A metric the lake holds "
                                    + "continues after its latest sample.");
}

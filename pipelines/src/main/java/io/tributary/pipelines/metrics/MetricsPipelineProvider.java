package io.tributary.pipelines.metrics;

import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineProvider;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** Registers the metrics pipeline. */
@Internal
public final class MetricsPipelineProvider implements PipelineProvider {
    @Override
    public String name() {
        return MetricsPipeline.NAME;
    }

    @Override
    public String description() {
        return "host metrics (Prometheus, or its saved query_range answers) → window statistics,"
                + " statsmodels metadata";
    }

    @Override
    public Pipeline create(ReadableConfig conf) {
        return MetricsPipeline.fromConfig(conf);
    }

    @Override
    public List<ConfigOption<?>> options() {
        return OptionFields.of(MetricsOptions.class);
    }
}

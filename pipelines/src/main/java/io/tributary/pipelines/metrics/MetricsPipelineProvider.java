package io.tributary.pipelines.metrics;

import io.tributary.pipelines.metrics.command.MetricsDemo;
import io.tributary.pipelines.metrics.command.MetricsGenerateCommand;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Override
    public Optional<Callable<Integer>> generateCommand() {
        return Optional.of(new MetricsGenerateCommand());
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of(new MetricsDemo());
    }
}

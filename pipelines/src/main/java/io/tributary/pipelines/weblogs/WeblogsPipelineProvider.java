package io.tributary.pipelines.weblogs;

import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.weblogs.command.WeblogsBenchCommand;
import io.tributary.pipelines.weblogs.command.WeblogsDemo;
import io.tributary.pipelines.weblogs.command.WeblogsGenerateCommand;
import io.tributary.pipelines.weblogs.command.WeblogsStreamingDemo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** Registers the web-log pipeline. */
@Internal
public final class WeblogsPipelineProvider implements PipelineProvider {
    @Override
    public String name() {
        return WeblogsPipeline.NAME;
    }

    @Override
    public String description() {
        return "web server access logs (landing files or Kafka) → requests, rejects and traffic answers";
    }

    @Override
    public Pipeline create(ReadableConfig conf) {
        return new WeblogsPipeline();
    }

    @Override
    public List<ConfigOption<?>> options() {
        return OptionFields.of(WeblogsOptions.class);
    }

    @Override
    public Optional<Callable<Integer>> generateCommand() {
        return Optional.of(new WeblogsGenerateCommand());
    }

    @Override
    public Optional<Callable<Integer>> benchCommand() {
        return Optional.of(new WeblogsBenchCommand());
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of(new WeblogsDemo(), new WeblogsStreamingDemo());
    }
}

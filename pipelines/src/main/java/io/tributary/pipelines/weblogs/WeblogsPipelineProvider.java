package io.tributary.pipelines.weblogs;

import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.command.WeblogsBenchCommand;
import io.tributary.pipelines.weblogs.command.WeblogsDemo;
import io.tributary.pipelines.weblogs.command.WeblogsGenerateCommand;
import io.tributary.pipelines.weblogs.command.WeblogsStreamingDemo;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
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

    /**
     * Generated lines in one file, backfilled: both stages, the Delta sink and source. A few lines
     * span one day; more span days as a modest site's would (2,500 a day, at most 400 days).
     */
    @Override
    public boolean trainingRun(Configuration conf, long records) throws Exception {
        new WeblogGenerator(42)
                .generateOneFile(
                        Path.of(
                                conf.get(TributaryOptions.LANDING_ROOT),
                                WeblogsPipeline.NAME,
                                "access.log"),
                        records,
                        (int) Math.max(1, Math.min(400, records / 2_500)));
        new PipelineRunner(conf, new PrintStream(OutputStream.nullOutputStream()))
                .run(new WeblogsPipeline(), PipelineMode.BATCH);
        return true;
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of(new WeblogsDemo(), new WeblogsStreamingDemo());
    }
}

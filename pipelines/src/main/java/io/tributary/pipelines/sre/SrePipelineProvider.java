package io.tributary.pipelines.sre;

import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.sre.command.SreBenchCommand;
import io.tributary.pipelines.sre.command.SreDemo;
import io.tributary.pipelines.sre.command.SreGenerateCommand;
import io.tributary.pipelines.sre.command.SreReportCommand;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** Registers the SRE pipeline. */
@Internal
public final class SrePipelineProvider implements PipelineProvider {
    @Override
    public String name() {
        return SrePipeline.NAME;
    }

    @Override
    public String description() {
        return "deploy runs, requests and incidents (a database, or silver tables kept by cdc) → SLIs, SLOs, "
                + "error budgets, recommendations";
    }

    @Override
    public Pipeline create(ReadableConfig conf) {
        return SrePipeline.fromConfig(conf);
    }

    @Override
    public List<ConfigOption<?>> options() {
        return OptionFields.of(SreOptions.class);
    }

    @Override
    public Optional<Callable<Integer>> generateCommand() {
        return Optional.of(new SreGenerateCommand());
    }

    @Override
    public Optional<Callable<Integer>> benchCommand() {
        return Optional.of(new SreBenchCommand());
    }

    @Override
    public Optional<Callable<Integer>> reportCommand() {
        return Optional.of(new SreReportCommand());
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of(new SreDemo());
    }
}

package io.tributary.pipelines.retail;

import io.tributary.pipelines.retail.command.RetailBenchCommand;
import io.tributary.pipelines.retail.command.RetailDemo;
import io.tributary.pipelines.retail.command.RetailGenerateCommand;
import io.tributary.pipelines.retail.command.RetailReportCommand;
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

/** Registers the retail pipeline. */
@Internal
public final class RetailPipelineProvider implements PipelineProvider {
    @Override
    public String name() {
        return RetailPipeline.NAME;
    }

    @Override
    public String description() {
        return "shop events (landing files or Kafka) → daily KPIs, item similarity, "
                + "recommendations and their measured quality";
    }

    @Override
    public Pipeline create(ReadableConfig conf) {
        return new RetailPipeline(conf);
    }

    @Override
    public List<ConfigOption<?>> options() {
        return OptionFields.of(RetailOptions.class);
    }

    @Override
    public Optional<Callable<Integer>> generateCommand() {
        return Optional.of(new RetailGenerateCommand());
    }

    @Override
    public Optional<Callable<Integer>> reportCommand() {
        return Optional.of(new RetailReportCommand());
    }

    @Override
    public Optional<Callable<Integer>> benchCommand() {
        return Optional.of(new RetailBenchCommand());
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of(new RetailDemo());
    }
}

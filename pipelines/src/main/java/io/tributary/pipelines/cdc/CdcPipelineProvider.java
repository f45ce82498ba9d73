package io.tributary.pipelines.cdc;

import io.tributary.pipelines.cdc.command.CdcDemo;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineProvider;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** Registers the CDC pipeline. */
@Internal
public final class CdcPipelineProvider implements PipelineProvider {
    @Override
    public String name() {
        return CdcPipeline.NAME;
    }

    @Override
    public String description() {
        return "Debezium/DMS change topics → bronze, current-state silver and SCD2 history (tables of your YAML file)";
    }

    @Override
    public Pipeline create(ReadableConfig conf) {
        return CdcPipeline.fromConfig(conf);
    }

    @Override
    public List<ConfigOption<?>> options() {
        return OptionFields.of(CdcOptions.class);
    }

    /** None: the user's tables file names every table, in bronze and silver. */
    @Override
    public List<String> goldTables() {
        return List.of();
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of(new CdcDemo());
    }
}

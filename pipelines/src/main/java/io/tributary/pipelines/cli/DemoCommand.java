package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Every registered pipeline's demo steps on embedded defaults, batch steps first: the steps' own
 * options (sizes) are this command's.
 */
@Command(
        name = "demo",
        description =
                "Generate data, run every pipeline on embedded defaults (a local lake, an "
                        + "embedded Kafka broker and MariaDB) and show the answers.")
final class DemoCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--no-streaming",
            description = "Only the batch steps: no Kafka broker, no streaming jobs.")
    boolean noStreaming;

    final List<DemoStep> steps = new ArrayList<>();

    DemoCommand() {
        for (PipelineProvider provider : Pipelines.all()) {
            steps.addAll(provider.demoSteps());
        }
        steps.sort(Comparator.comparingInt(DemoStep::order));
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        List<String> prefixes = new ArrayList<>();
        steps.forEach(s -> prefixes.addAll(s.tablePrefixes()));
        DemoLake lake = new DemoLake(conf, prefixes, Pipelines.names());
        lake.startOver(System.out);
        try (DemoRun demo = new DemoRun(conf, System.out)) {
            for (DemoStep step : steps) {
                if (step.streaming() && noStreaming) {
                    continue;
                }
                step.run(demo);
                lake.record(false);
            }
            lake.record(true);
            demo.section("The lake");
            TablesCommand.print(conf, System.out);
        }
        System.out.println();
        System.out.println(
                "Query it yourself:  bin/tributary sql \"SELECT * FROM gold.weblogs_top_endpoints\"");
        return 0;
    }
}

package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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

    @Option(
            names = "--pipelines",
            split = ",",
            paramLabel = "NAME",
            completionCandidates = RegisteredPipelines.class,
            description =
                    "Only these pipelines' steps, comma-separated (default: all of"
                            + " ${COMPLETION-CANDIDATES}).")
    List<String> pipelines = new ArrayList<>();

    final List<DemoStep> steps = new ArrayList<>();
    private final Map<DemoStep, PipelineProvider> providers = new IdentityHashMap<>();

    DemoCommand() {
        for (PipelineProvider provider : Pipelines.all()) {
            for (DemoStep step : provider.demoSteps()) {
                steps.add(step);
                providers.put(step, provider);
            }
        }
        steps.sort(Comparator.comparingInt(DemoStep::order));
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        List<DemoStep> toRun = stepsToRun();
        // Every step's tables, chosen or not: what an earlier demo wrote is the demo's to replace.
        List<String> prefixes = new ArrayList<>();
        steps.forEach(s -> prefixes.addAll(s.tablePrefixes()));
        DemoLake lake = new DemoLake(conf, prefixes, Pipelines.names());
        lake.startOver(System.out);
        try (DemoRun demo = new DemoRun(conf, System.out)) {
            for (DemoStep step : toRun) {
                step.run(demo);
                lake.record(false);
            }
            lake.record(true);
            demo.section("The lake");
            TablesCommand.print(conf, System.out);
        }
        System.out.println();
        System.out.println("Query it yourself:  bin/tributary " + firstQuery(toRun));
        return 0;
    }

    /**
     * The steps of the pipelines {@code --pipelines} names (all by default), in order; without the
     * streaming ones under {@code --no-streaming}.
     */
    List<DemoStep> stepsToRun() {
        Set<PipelineProvider> chosen = new HashSet<>();
        if (pipelines.isEmpty()) {
            chosen.addAll(Pipelines.all());
        }
        pipelines.forEach(name -> chosen.add(Pipelines.provider(name.trim())));
        return steps.stream()
                .filter(s -> chosen.contains(providers.get(s)) && !(s.streaming() && noStreaming))
                .collect(Collectors.toList());
    }

    /** A query of the first gold table the demo showed. */
    private String firstQuery(List<DemoStep> ran) {
        return ran.stream()
                .map(providers::get)
                .flatMap(p -> p.goldTables().stream())
                .findFirst()
                .map(table -> "sql \"SELECT * FROM " + table + "\"")
                .orElse("tables");
    }
}

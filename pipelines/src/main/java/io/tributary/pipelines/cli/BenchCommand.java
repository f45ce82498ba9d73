package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.sre.SrePipeline;
import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "bench", description = "Benchmark a pipeline: a whole backfill (lines/s), or streaming through Kafka "
        + "(events/s, freshness); or the Delta sink's commit latency as the log grows (delta-log).")
final class BenchCommand implements Callable<Integer> {
    private static final String DELTA_LOG = "delta-log";

    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "What to benchmark: weblogs, sre or delta-log.")
    String pipeline;

    @Option(names = "--lines", defaultValue = "6000000", description = "Lines to generate (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--days", defaultValue = "30", description = "Days (files) to spread them over (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--mode", defaultValue = "batch", description = "batch (a backfill of landing files) or "
            + "streaming (Kafka → lake: throughput, then freshness) (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--events", defaultValue = "2000000", description = "Streaming: lines for the throughput run "
            + "(default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--rate", defaultValue = "20000", description = "Streaming: lines/s for the freshness run "
            + "(default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "60", description = "Streaming: length of the freshness run in "
            + "seconds (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--warm-up", defaultValue = "10", description = "Streaming: seconds at the start of the "
            + "freshness run left out of the percentiles (default: ${DEFAULT-VALUE}).")
    long warmUp;

    @Option(names = "--requests", defaultValue = "2000000", description = "sre: requests in the generated year "
            + "(default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--log-entries", split = ",", defaultValue = "1000,10000,100000", description = "delta-log: "
            + "log sizes to commit at (default: ${DEFAULT-VALUE}).")
    List<Long> logEntries;

    @Option(names = "--commits", defaultValue = "50", description = "delta-log: commits timed at each log size "
            + "(default: ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--dir", defaultValue = "./tributary-data/bench", description = "Scratch folder, emptied first (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        if (!List.of(WeblogsPipeline.NAME, SrePipeline.NAME, DELTA_LOG).contains(pipeline)) {
            throw new io.tributary.pipelines.runtime.ConfigurationError("No benchmark for '" + pipeline + "'",
                    "use: tributary bench weblogs, tributary bench sre, or tributary bench " + DELTA_LOG);
        }
        delete(dir);
        if (DELTA_LOG.equals(pipeline)) {
            new DeltaLogBench(dir, System.out).run(logEntries, commits);
            return 0;
        }
        Configuration conf = common.configuration();
        if (SrePipeline.NAME.equals(pipeline)) {
            new SreBench(conf, dir, System.out).run(requests);
            return 0;
        }
        if ("streaming".equals(mode)) {
            new StreamingBench(conf, dir, System.out).run(events, rate, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp));
            return 0;
        }
        if (!"batch".equals(mode)) {
            throw new io.tributary.pipelines.runtime.ConfigurationError("No mode '" + mode + "'", "use --mode batch or --mode streaming");
        }
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        System.out.printf("Generating %,d lines over %d days…%n", lines, days);
        new WeblogGenerator(42).generate(dir.resolve("landing").resolve(WeblogsPipeline.NAME), lines, days);
        System.out.printf("Backfill with parallelism %d on %d cores%n", conf.get(TributaryOptions.PARALLELISM),
                Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        new PipelineRunner(conf, System.out).run(new WeblogsPipeline(), PipelineMode.BATCH);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nbronze+silver+gold: %,d lines in %.1f s = %,.0f lines/s (including job start-up)%n",
                lines, seconds, lines / seconds);
        return 0;
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}

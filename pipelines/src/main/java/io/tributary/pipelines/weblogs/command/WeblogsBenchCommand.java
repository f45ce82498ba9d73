package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ScratchDir;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary bench weblogs}: a whole backfill (lines/s), or streaming through Kafka
 * (events/s, freshness).
 */
@Internal
@Command(
        name = WeblogsPipeline.NAME,
        description =
                "A whole backfill of generated logs (lines/s), or --mode "
                        + "streaming: Kafka → lake throughput, then freshness.")
public final class WeblogsBenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--mode",
            defaultValue = "batch",
            description =
                    "batch (a backfill of landing files) or "
                            + "streaming (Kafka → lake: throughput, then freshness) (default: ${DEFAULT-VALUE}).")
    PipelineMode mode;

    @Option(
            names = "--lines",
            defaultValue = "6000000",
            description = "Batch: lines to generate (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(
            names = "--days",
            defaultValue = "30",
            description =
                    "Batch: days (files) to spread them over " + "(default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--events",
            defaultValue = "2000000",
            description =
                    "Streaming: lines for the throughput run " + "(default: ${DEFAULT-VALUE}).")
    long events;

    @Option(
            names = "--rate",
            defaultValue = "20000",
            description =
                    "Streaming: lines/s for the freshness run " + "(default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            description =
                    "Streaming: length of the freshness run in "
                            + "seconds (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(
            names = "--warm-up",
            defaultValue = "10",
            description =
                    "Streaming: seconds at the start of the "
                            + "freshness run left out of the percentiles (default: ${DEFAULT-VALUE}).")
    long warmUp;

    @Mixin ScratchDir scratch;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        Path dir = scratch.emptied();
        if (mode == PipelineMode.STREAMING) {
            new WeblogsStreamingBench(conf, dir, System.out)
                    .run(events, rate, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp));
            return 0;
        }
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        System.out.printf("Generating %,d lines over %d days…%n", lines, days);
        new WeblogGenerator(42)
                .generate(dir.resolve("landing").resolve(WeblogsPipeline.NAME), lines, days);
        System.out.printf(
                "Backfill with parallelism %d on %d cores%n",
                conf.get(TributaryOptions.PARALLELISM), Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        new PipelineRunner(conf, System.out).run(new WeblogsPipeline(), PipelineMode.BATCH);
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%nbronze+silver+gold: %,d lines in %.1f s = %,.0f lines/s (including job start-up)%n",
                lines, wall, lines / wall);
        return 0;
    }
}

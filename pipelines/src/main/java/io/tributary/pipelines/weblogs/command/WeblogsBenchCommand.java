package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ScratchDir;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.ReusedPlans;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
            names = "--shape",
            split = ",",
            defaultValue = "one_plain,one_gz,many_small,one_day,daily",
            description =
                    "Batch: the landing shapes to backfill, each timed on its own: one_plain (one"
                            + " file over 400 days), one_gz, many_small (1,000 files over 30"
                            + " days), one_day, daily (30 daily files) (default: all).")
    List<WeblogsBatchBench.Shape> shapes;

    @Option(
            names = "--lines",
            defaultValue = "1000000",
            description = "Batch: lines in each shape (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(
            names = "--days",
            defaultValue = "0",
            description = "Batch: days the lines span (default: each shape's own).")
    int days;

    @Option(
            names = "--events",
            defaultValue = "2000000",
            description =
                    "Streaming: lines for the throughput run " + "(default: ${DEFAULT-VALUE}).")
    long events;

    @Option(
            names = "--source",
            defaultValue = "kafka",
            description =
                    "Streaming: kafka (embedded broker: throughput, then freshness) or kinesis (a"
                            + " local kinesalite, installed with npm into target/: throughput only)"
                            + " (default: ${DEFAULT-VALUE}).")
    StreamSource source;

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

    @Option(
            names = "--runs",
            defaultValue = "1",
            description =
                    "Batch: backfills of each shape. The first is timed as a command's first run"
                            + " in a JVM; the others repeat it in the JVM it warmed, each into a"
                            + " fresh lake, and print their median and spread (default:"
                            + " ${DEFAULT-VALUE}; 2 with --spark).")
    int runs;

    @Option(
            names = "--spark",
            description =
                    "Batch: also backfill each shape with Spark 4 + delta-spark (the compat-spark"
                            + " module, built) and print Tributary's speed as a multiple of Spark's,"
                            + " for the first run in this JVM and for the warm repeats' median.")
    boolean spark;

    @Option(
            names = "--cold",
            description =
                    "Batch: also backfill each shape with bin/tributary run weblogs in a JVM of its"
                            + " own, without the command server, and print its wall time: what a"
                            + " user's first command takes, start-up included.")
    boolean cold;

    @Mixin ScratchDir scratch;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        Path dir = scratch.emptied();
        // Each backfill is its lake's first: none finds a job graph an earlier bench kept.
        System.clearProperty(ReusedPlans.BUILD_PROPERTY);
        if (mode == PipelineMode.STREAMING) {
            WeblogsStreamingBench bench = new WeblogsStreamingBench(conf, dir, System.out);
            if (source == StreamSource.KINESIS) {
                bench.runKinesis(events);
            } else {
                bench.run(events, rate, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp));
            }
            return 0;
        }
        Optional<SparkYardstick> yardstick =
                spark ? Optional.of(new SparkYardstick(Path.of("compat-spark"))) : Optional.empty();
        Optional<ColdCommand> command =
                cold
                        ? Optional.of(new ColdCommand(Path.of("bin", "tributary"), common))
                        : Optional.empty();
        Optional<String> missing =
                yardstick
                        .flatMap(SparkYardstick::missing)
                        .or(() -> command.flatMap(ColdCommand::missing));
        if (missing.isPresent()) {
            System.err.println("tributary: " + missing.get());
            return 2;
        }
        new WeblogsBatchBench(conf, dir, System.out)
                .run(shapes, lines, days, spark ? Math.max(runs, 2) : runs, command, yardstick);
        return 0;
    }
}

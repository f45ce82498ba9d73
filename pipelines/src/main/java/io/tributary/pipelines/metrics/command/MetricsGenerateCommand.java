package io.tributary.pipelines.metrics.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.GeneratedFiles;
import io.tributary.pipelines.metrics.MetricsGenerator;
import io.tributary.pipelines.metrics.MetricsPipeline;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary generate metrics}. */
@Internal
@Command(
        name = MetricsPipeline.NAME,
        description =
                "node-exporter's five host metrics for a few hosts every 15 s, as saved Prometheus"
                        + " query_range answers: one file per metric and day.")
public final class MetricsGenerateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Mixin GeneratedFiles files;

    @Option(
            names = "--hosts",
            defaultValue = "3",
            description = "Hosts (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(
            names = "--days",
            defaultValue = "2",
            description = "Days up to today's midnight UTC (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws Exception {
        Path dir = files.dir(common.configuration(), MetricsPipeline.NAME);
        long start = System.nanoTime();
        MetricsGenerator.Result result =
                new MetricsGenerator(files.seed)
                        .generate(dir, hosts, days, LocalDate.now(ZoneOffset.UTC));
        System.out.printf(
                "Wrote %,d samples in %d files to %s (%.1f s)%n",
                result.samples,
                result.files.size(),
                dir.toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}

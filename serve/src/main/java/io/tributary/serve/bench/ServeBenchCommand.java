package io.tributary.serve.bench;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ScratchDir;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary bench serve}: the service against Prometheus on the same samples. */
@Internal
@Command(
        name = "serve",
        description =
                "Requests/s and p50/p99 latency of tributary serve and of Prometheus (Debian's, "
                        + "fetched once) answering the same 1 h window statistics of the same "
                        + "samples, at the same concurrency on loopback (docs/benchmarks.md).")
public final class ServeBenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ScratchDir scratch;

    @Option(
            names = "--hosts",
            defaultValue = "3",
            description = "Hosts (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(
            names = "--days",
            defaultValue = "1",
            description = "Days of samples (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--clients",
            defaultValue = "32",
            description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--seconds",
            defaultValue = "20",
            description = "Measured seconds per server (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "5",
            description = "Unmeasured seconds per server first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        new ServeBenchmark(scratch.emptied(), System.out)
                .run(hosts, days, clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        return 0;
    }
}

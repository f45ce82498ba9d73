package io.tributary.pipelines.cli;

import io.tributary.connector.delta.bench.DeltaLogBenchmark;
import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ScratchDir;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "delta-log",
        description = "The Delta sink's commit latency on logs of growing length.")
final class DeltaLogBenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--log-entries",
            split = ",",
            defaultValue = "1000,10000,100000",
            description = "Log sizes to " + "commit at (default: ${DEFAULT-VALUE}).")
    List<Long> logEntries;

    @Option(
            names = "--commits",
            defaultValue = "50",
            description = "Commits timed at each log size " + "(default: ${DEFAULT-VALUE}).")
    int commits;

    @Mixin ScratchDir scratch;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        new DeltaLogBenchmark(scratch.emptied(), System.out).run(logEntries, commits);
        return 0;
    }
}

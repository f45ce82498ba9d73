package io.tributary.pipelines.cli;

import picocli.CommandLine.Command;

@Command(
        name = "bench",
        description =
                "Benchmark the pipeline named next (prints throughput; docs/benchmarks.md), "
                        + "or the Delta sink's commit latency as the log grows (delta-log).",
        subcommands = DeltaLogBenchCommand.class)
final class BenchCommand extends PipelineGroupCommand {}

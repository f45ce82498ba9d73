package io.tributary.pipelines.cli;

import picocli.CommandLine.Command;

@Command(
        name = "generate",
        description =
                "Generate realistic input data (seeded, reproducible), for the pipeline "
                        + "named next.")
final class GenerateCommand extends PipelineGroupCommand {}

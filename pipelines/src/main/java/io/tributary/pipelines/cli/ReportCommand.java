package io.tributary.pipelines.cli;

import picocli.CommandLine.Command;

@Command(name = "report", description = "Report from the gold tables of the pipeline named next.")
final class ReportCommand extends PipelineGroupCommand {}

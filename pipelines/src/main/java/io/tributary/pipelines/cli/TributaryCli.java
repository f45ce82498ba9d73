package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.ConfigurationError;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code tributary} command line. */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        version = "Tributary 0.1.0",
        description = "Lakehouse pipelines on Apache Flink: batch backfills and streaming into Delta tables.",
        subcommands = {
            RunCommand.class,
            SqlCommand.class,
            TablesCommand.class,
            GenerateCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            MaintainCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TributaryCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TributaryCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean verbose = parseResult.originalArgs().contains("-v") || parseResult.originalArgs().contains("--verbose");
            err.println("error: " + Errors.message(e));
            Errors.fix(e).ifPresent(fix -> err.println("fix:   " + fix));
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            err.flush();
            return e instanceof ConfigurationError ? 2 : 1;
        });
        return cli;
    }
}

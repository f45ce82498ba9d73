package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.Compilers;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.EmbeddedCluster;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import io.tributary.pipelines.runtime.ToolProvider;
import io.tributary.pipelines.runtime.Tools;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code tributary} command line. Its pipeline commands come from the registered pipelines
 * ({@link Pipelines}): {@code generate}, {@code bench} and {@code report} take each pipeline's own
 * command as a subcommand of its name, {@code demo} runs each pipeline's demo steps.
 */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        version = "Tributary 0.1.0",
        description =
                "Lakehouse pipelines on Apache Flink: batch backfills and streaming into Delta tables.",
        subcommands = {
            RunCommand.class,
            SqlCommand.class,
            TablesCommand.class,
            GenerateCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            MaintainCommand.class,
            ReportCommand.class,
            ConfigCommand.class,
            ServerCommand.class,
            TrainingRunCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TributaryCli {

    public static void main(String[] args) {
        // First: whatever reads java.io.tmpdir after it finds this process's own folder.
        ProcessTemporaryFolders.claimAndRemoveEnded();
        Compilers.started(TributaryCli.class, args);
        EmbeddedCluster.install();
        int code = execute(args);
        try {
            EmbeddedCluster.close();
        } catch (Exception e) {
            System.err.println("tributary: stopping the embedded Flink cluster: " + e);
        }
        System.exit(code);
    }

    /**
     * Runs one command line on {@link System#out} and {@link System#err} as they are now and
     * returns its exit code; the embedded cluster stays up (the command server runs many).
     */
    public static int execute(String[] args) {
        try {
            return commandLine().execute(args);
        } catch (Error e) {
            // Picocli hands exceptions to the handler below but lets errors (a stack overflow, out
            // of memory) through: without an exit the cluster's threads would keep the JVM alive.
            System.err.println("tributary: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TributaryCli());
        for (PipelineProvider provider : Pipelines.all()) {
            addPipelineCommand(cli, "generate", provider, PipelineProvider::generateCommand);
            addPipelineCommand(cli, "bench", provider, PipelineProvider::benchCommand);
            addPipelineCommand(cli, "report", provider, PipelineProvider::reportCommand);
        }
        for (ToolProvider tool : Tools.all()) {
            cli.addSubcommand(tool.name(), tool.command());
            tool.benchCommand()
                    .ifPresent(
                            c -> cli.getSubcommands().get("bench").addSubcommand(tool.name(), c));
        }
        CommandLine demo = cli.getSubcommands().get("demo");
        for (DemoStep step : demo.<DemoCommand>getCommand().steps) {
            demo.getCommandSpec()
                    .addMixin(
                            step.getClass().getSimpleName(), CommandSpec.forAnnotatedObject(step));
        }
        offerHelp(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    PrintWriter err = commandLine.getErr();
                    boolean verbose =
                            parseResult.originalArgs().contains("-v")
                                    || parseResult.originalArgs().contains("--verbose");
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

    /** {@code -h, --help} on every command, as a user types {@code tributary demo --help}. */
    private static void offerHelp(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(
                    OptionSpec.builder("-h", "--help")
                            .usageHelp(true)
                            .description("Show this help message and exit.")
                            .build());
        }
        command.getSubcommands().values().forEach(TributaryCli::offerHelp);
    }

    private static void addPipelineCommand(
            CommandLine cli,
            String group,
            PipelineProvider provider,
            Function<PipelineProvider, Optional<Callable<Integer>>> command) {
        command.apply(provider)
                .ifPresent(c -> cli.getSubcommands().get(group).addSubcommand(provider.name(), c));
    }
}

package io.tributary.pipelines.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command whose subcommands are the registered pipelines' own ({@code generate weblogs}, {@code
 * bench sre}): alone, it says which there are.
 */
abstract class PipelineGroupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Say which: " + String.join(", ", spec.subcommands().keySet()));
    }
}

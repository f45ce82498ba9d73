package io.tributary.pipelines.command;

import io.tributary.pipelines.runtime.TributaryOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;
import picocli.CommandLine.Option;

/**
 * The options every {@code tributary generate <pipeline>} shares, mixed in with {@code @Mixin
 * GeneratedFiles files}: the seed that makes a run repeatable, and the folder it writes to. A
 * pipeline reads its landing files from {@code <landing.root>/<pipeline>}, so that is the default.
 */
@Internal
public final class GeneratedFiles {
    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder to write to (default: <landing.root>/${COMMAND-NAME}).")
    Path out;

    /** The folder {@code --out} names, if it was given. */
    public Optional<Path> out() {
        return Optional.ofNullable(out);
    }

    /** {@code --out}, or the pipeline's own folder under {@link TributaryOptions#LANDING_ROOT}. */
    public Path dir(ReadableConfig conf, String pipeline) {
        return out().orElseGet(() -> Path.of(conf.get(TributaryOptions.LANDING_ROOT), pipeline));
    }
}

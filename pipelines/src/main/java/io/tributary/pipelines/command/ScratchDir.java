package io.tributary.pipelines.command;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.annotation.PublicEvolving;
import picocli.CommandLine.Option;

/**
 * A benchmark's scratch folder, as every bench command takes it: {@code @Mixin ScratchDir scratch}.
 */
@PublicEvolving
public final class ScratchDir {
    @Option(
            names = "--dir",
            defaultValue = "./tributary-data/bench",
            description =
                    "Scratch folder, emptied first; what it held is removed when the bench ends"
                            + " (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** The folder, emptied ({@link Scratch#empty}): runs do not read each other's tables. */
    public Path emptied() throws IOException {
        return Scratch.empty(dir);
    }
}

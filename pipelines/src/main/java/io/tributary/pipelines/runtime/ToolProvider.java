package io.tributary.pipelines.runtime;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;

/**
 * A command of its own module that joins the {@code tributary} command line when its jar is on the
 * class path (listed in {@code META-INF/services}), as the service does ({@code tributary serve}):
 * the launcher stays one, the tool's dependencies stay out of the job jar.
 */
@PublicEvolving
public interface ToolProvider {
    /** The command's name, also the prefix of its {@code tributary.<name>.*} keys. */
    String name();

    /** The options of its {@code tributary.<name>.*} keys, each with a description. */
    List<ConfigOption<?>> options();

    /** {@code tributary <name>}: a fresh picocli {@code @Command} object. */
    Callable<Integer> command();

    /** {@code tributary bench <name>}: prints the tool's throughput. */
    default Optional<Callable<Integer>> benchCommand() {
        return Optional.empty();
    }
}

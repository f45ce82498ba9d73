package io.tributary.pipelines.runtime;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A pipeline as Tributary discovers it: the one place a domain registers itself. Implementations
 * are listed in {@code META-INF/services/io.tributary.pipelines.runtime.PipelineProvider}, and
 * everything that names pipelines derives from that list: {@code tributary run}, {@code generate},
 * {@code bench}, {@code report} and {@code demo}, the settings a profile may hold, the gold tables
 * the Glue catalog lists (a test compares them with {@code terraform/gold-tables.json} and the Helm
 * values).
 *
 * <p>The optional commands are picocli {@code @Command} objects, each a fresh instance: the command
 * line adds them under the pipeline's name ({@code tributary generate <name> ...}).
 */
@PublicEvolving
public interface PipelineProvider {
    /**
     * The pipeline's name: lower case, the prefix of its tables and of its {@code
     * tributary.<name>.*} keys.
     */
    String name();

    /** One line for help texts. */
    String description();

    /**
     * The pipeline set up from {@code conf}; throws {@link ConfigurationError} when a required
     * setting is missing.
     */
    Pipeline create(ReadableConfig conf);

    /** The options of the pipeline's {@code tributary.<name>.*} keys, each with a description. */
    List<ConfigOption<?>> options();

    /**
     * The gold tables the pipeline writes, qualified ({@code gold.<table>}): by default those of
     * the pipeline set up on its defaults. A pipeline whose tables the user names returns none.
     */
    default List<String> goldTables() {
        return create(new Configuration()).tables().stream()
                .filter(t -> "gold".equals(t.layer()))
                .map(LakeTable::qualifiedName)
                .sorted()
                .collect(Collectors.toList());
    }

    /** {@code tributary generate <name>}: writes realistic input. */
    default Optional<Callable<Integer>> generateCommand() {
        return Optional.empty();
    }

    /** {@code tributary bench <name>}: prints the pipeline's throughput. */
    default Optional<Callable<Integer>> benchCommand() {
        return Optional.empty();
    }

    /** {@code tributary report <name>}: a report from the gold tables. */
    default Optional<Callable<Integer>> reportCommand() {
        return Optional.empty();
    }

    /**
     * A backfill of made-up input, landed under {@code conf}'s landing root and written to its
     * lake: what the launcher runs once per build while the JVM records every class it loads in a
     * class-data archive, which later commands map instead of loading again, and what the command
     * server runs to warm up. Returns whether the pipeline took part; one pipeline's backfill loads
     * most of what all share.
     *
     * @param records about how many records to make up: a few load the classes; the server asks for
     *     enough that the JIT compiles the path every record takes
     */
    default boolean trainingRun(Configuration conf, long records) throws Exception {
        return false;
    }

    /**
     * The pipeline's parts of {@code tributary demo}, run in the order of {@link DemoStep#order()}
     * with every other pipeline's.
     */
    default List<DemoStep> demoSteps() {
        return List.of();
    }
}

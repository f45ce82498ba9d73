package io.tributary.pipelines.runtime.codegen;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.flink.annotation.Internal;

/**
 * Flink's code splitter's results, kept ({@link KeptResults}): Flink splits every generated class
 * whose methods could outgrow the JVM's limits, at planning time, by parsing it with ANTLR once per
 * rewriting pass — a fifth of a cold 10-line backfill's CPU. The split only depends on the code and
 * the two limits. A class whose code holds a value of its own run (the time a backfill's rows are
 * ingested, folded in as a constant) is split, and kept, as a new one.
 */
@Internal
public final class SplitCodeCache {
    private static final String KIND = "split.java";

    private SplitCodeCache() {}

    /** The kept result for this code and these limits, or {@code splitter}'s, which is kept. */
    public static String split(
            KeptResults kept,
            String code,
            int maxMethodLength,
            int maxClassMemberCount,
            Supplier<String> splitter) {
        KeptResults.Key key =
                kept.key(
                        KIND,
                        Integer.toString(maxMethodLength),
                        Integer.toString(maxClassMemberCount),
                        code);
        return kept.read(key)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseGet(
                        () -> {
                            String split = splitter.get();
                            kept.write(key, split.getBytes(StandardCharsets.UTF_8));
                            return split;
                        });
    }
}

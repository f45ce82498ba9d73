package io.tributary.pipelines.runtime;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;

/**
 * Refuses a streaming plan with a regular join under mini-batch. After a restore from a checkpoint
 * the kill-and-resume test saw Flink 1.20's mini-batch join re-emit its results as inserts without
 * their retractions, so such a job would silently duplicate rows downstream; it is better not to
 * start it (see docs/streaming-design.md).
 */
@Internal
final class MiniBatchJoins {
    /** A regular join in the optimised physical plan, planned as a mini-batch join. */
    private static final Pattern MINI_BATCH_JOIN =
            Pattern.compile("^[\\s:+\\-]*Join\\(.*miniBatch=\\[true\\].*$");

    private MiniBatchJoins() {}

    static void refuse(String explainedPlan, String pipeline) {
        List<String> joins =
                explainedPlan
                        .lines()
                        .filter(l -> MINI_BATCH_JOIN.matcher(l).matches())
                        .map(String::trim)
                        .distinct()
                        .collect(Collectors.toList());
        if (!joins.isEmpty()) {
            throw new ConfigurationError(
                    "The streaming plan of pipeline '"
                            + pipeline
                            + "' has a regular join under "
                            + "mini-batch, which can duplicate results after a restore: "
                            + joins.get(0),
                    "start it with -D table.exec.mini-batch.enabled=false, or write the query without the join");
        }
    }
}

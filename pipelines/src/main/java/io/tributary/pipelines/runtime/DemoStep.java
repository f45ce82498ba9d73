package io.tributary.pipelines.runtime;

import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A part of {@code tributary demo} that a pipeline contributes. A step may carry picocli
 * {@code @Option} fields (sizes of what it generates); the demo command offers them as its own.
 */
@PublicEvolving
public interface DemoStep {
    /**
     * Where the step runs among every pipeline's steps: batch steps below 100, streaming ones from
     * 100.
     */
    int order();

    /**
     * Whether the step needs the embedded Kafka broker; {@code --no-streaming} leaves such steps
     * out.
     */
    default boolean streaming() {
        return order() >= 100;
    }

    /**
     * Prefixes of the names of the tables the step writes. A demo interrupted before it recorded
     * its tables removes only tables of these names on its next run.
     */
    List<String> tablePrefixes();

    void run(DemoContext demo) throws Exception;
}

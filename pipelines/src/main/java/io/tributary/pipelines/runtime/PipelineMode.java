package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;

/** How a pipeline runs: a bounded backfill over landing data, or continuously over streams. */
@PublicEvolving
public enum PipelineMode {
    BATCH,
    STREAMING;

    public static PipelineMode parse(String value) {
        for (PipelineMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new ConfigurationError(
                "Unknown mode '" + value + "'", "use --mode batch or --mode streaming");
    }
}

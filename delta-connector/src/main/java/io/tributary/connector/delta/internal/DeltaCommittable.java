package io.tributary.connector.delta.internal;

import org.apache.flink.annotation.Internal;

/**
 * What a writer hands the committer for one checkpoint: a Parquet file it staged ({@link
 * StagedFile}), or one row change of a changelog sink ({@link RowChange}), which the committer
 * merges into the table copy-on-write. Immutable; the committer's state and the stream between
 * writer and committer hold them through {@link DeltaCommittableSerializer}, so a savepoint
 * restores after these classes change.
 */
@Internal
public abstract sealed class DeltaCommittable permits StagedFile, RowChange {
    /** The checkpoint id of what a writer flushes at end of input. */
    public static final long END_OF_INPUT = Long.MAX_VALUE;

    private final long checkpointId;

    DeltaCommittable(long checkpointId) {
        this.checkpointId = checkpointId;
    }

    /**
     * The checkpoint this belongs to; {@link #END_OF_INPUT} for what was flushed at end of input.
     */
    public long checkpointId() {
        return checkpointId;
    }

    /** This, belonging to {@code checkpointId}. */
    public abstract DeltaCommittable forCheckpoint(long checkpointId);

    public boolean isChange() {
        return this instanceof RowChange;
    }
}

package io.tributary.connector.delta.internal;

import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * What one Delta commit did: the table version it made and the files and rows it added or removed.
 */
@Internal
public final class CommitSummary {
    public final long tableVersion;
    public final int filesAdded;
    public final int filesRemoved;

    /** Rows of the added files, rewritten copy-on-write files included. */
    public final long rowsAdded;

    public final long bytesAdded;

    /** Commits lost to other writers before this one went in. */
    public final int retries;

    CommitSummary(long tableVersion, List<StagedFile> added, int filesRemoved, int retries) {
        this.tableVersion = tableVersion;
        this.filesAdded = added.size();
        this.filesRemoved = filesRemoved;
        this.rowsAdded = added.stream().mapToLong(StagedFile::numRecords).sum();
        this.bytesAdded = added.stream().mapToLong(StagedFile::size).sum();
        this.retries = retries;
    }
}

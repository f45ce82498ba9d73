package io.tributary.connector.delta.internal;

import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The committer's metrics, in its operator's metric group: what reached the table and how long
 * commits take. Counters count since the task started; the table version is the last one this sink
 * committed (-1 before its first commit).
 */
@Internal
final class CommitMetrics {
    private final Counter commits;
    private final Counter skippedReplays;
    private final Counter filesAdded;
    private final Counter filesRemoved;
    private final Counter rowsAdded;
    private final Counter bytesAdded;
    private final Counter retries;
    private final Histogram durationMs;
    private volatile long tableVersion = -1;
    private volatile long lastDurationMs = -1;
    private volatile long lastCommitMillis = -1;

    CommitMetrics(MetricGroup group) {
        commits = group.counter("deltaCommits");
        skippedReplays = group.counter("deltaCommitsSkippedAsReplays");
        filesAdded = group.counter("deltaFilesAdded");
        filesRemoved = group.counter("deltaFilesRemoved");
        rowsAdded = group.counter("deltaRowsCommitted");
        bytesAdded = group.counter("deltaBytesCommitted");
        retries = group.counter("deltaCommitRetries");
        durationMs =
                group.histogram("deltaCommitDurationMs", new DescriptiveStatisticsHistogram(500));
        group.gauge("deltaTableVersion", () -> tableVersion);
        group.gauge("deltaLastCommitDurationMs", () -> lastDurationMs);
        group.gauge("deltaLastCommitTimestamp", () -> lastCommitMillis);
    }

    /** Records a commit that took {@code nanos}; an empty summary is a replay that was skipped. */
    void record(Optional<CommitSummary> summary, long nanos) {
        if (summary.isEmpty()) {
            skippedReplays.inc();
            return;
        }
        CommitSummary s = summary.get();
        commits.inc();
        filesAdded.inc(s.filesAdded);
        filesRemoved.inc(s.filesRemoved);
        rowsAdded.inc(s.rowsAdded);
        bytesAdded.inc(s.bytesAdded);
        retries.inc(s.retries);
        lastDurationMs = nanos / 1_000_000;
        durationMs.update(lastDurationMs);
        tableVersion = s.tableVersion;
        lastCommitMillis = System.currentTimeMillis();
    }
}

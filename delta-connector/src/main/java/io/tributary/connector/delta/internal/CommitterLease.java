package io.tributary.connector.delta.internal;

import io.tributary.connector.delta.DeltaWriterLease;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.annotation.Internal;

/**
 * The table's writer lease as a streaming changelog committer holds it ({@link WriterLeases}):
 * taken at the first commit, so that a job killed before it committed leaves no claim behind;
 * renewed on a timer while the job runs; given up when it closes. While another job holds the
 * lease, taking it fails with a message naming that job.
 */
@Internal
final class CommitterLease {
    private final WriterLeases leases;
    private final String tablePath;
    private final long leaseMillis;
    private final String owner;
    private final String appId;

    /** When the lease runs out; 0 while this committer holds none. */
    private long expires;

    /**
     * @param owner the job, as the other writer's message names it
     * @param appId the committer's lineage, which the lease file records
     */
    CommitterLease(DeltaSinkConfig config, String owner, String appId) {
        this.leases = new WriterLeases(config.tablePath, new FlinkFileIO(config.kernelConf));
        this.tablePath = config.tablePath;
        this.leaseMillis = config.writerLeaseMillis;
        this.owner = owner;
        this.appId = appId;
    }

    /** At start: fails, naming the other writer, while another job holds the lease. */
    void refuseIfHeldByOther() {
        if (DeltaWriterLease.heldByOther(tablePath, appId, Instant.now()).isPresent()) {
            take();
        }
    }

    /** Before each commit: takes the lease if this committer holds none yet. */
    void beforeCommit() {
        if (expires == 0) {
            take();
        }
    }

    /** How often to {@link #renew}: three times within a lease's life. */
    long renewalMillis() {
        return Math.max(1, leaseMillis / 3);
    }

    /** Renews a lease this committer holds; one that has not committed yet holds none. */
    void renew() {
        if (expires > 0) {
            take();
        }
    }

    /** Gives the lease up, if held. */
    void release() {
        if (expires > 0) {
            leases.release(appId);
            expires = 0;
        }
    }

    private void take() {
        long until = System.currentTimeMillis() + leaseMillis;
        Optional<DeltaWriterLease> other =
                leases.acquire(owner, appId, Instant.ofEpochMilli(until));
        if (other.isPresent()) {
            // Not a permanent failure: the job restarts and goes on once the other job's lease is
            // free.
            throw new IllegalStateException(
                    "Delta table "
                            + tablePath
                            + " is written by "
                            + other.get().describe()
                            + ". A second streaming writer would double its rows, so this job ("
                            + appId
                            + ") waits: stop the other job, or resume this table's writer with --resume.");
        }
        expires = until;
    }
}

package io.tributary.pipelines.metrics.sla;

import org.apache.flink.annotation.PublicEvolving;

/**
 * A change written against a revision that is no longer the SLA's latest (another writer was
 * first): the service's 412, with the revision to start again from.
 */
@PublicEvolving
public final class SlaConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int currentRevision;

    public SlaConflict(String id, int expected, int currentRevision) {
        super(
                "SLA "
                        + id
                        + " is at revision "
                        + currentRevision
                        + ", not "
                        + expected
                        + ": read it again and apply the change to revision "
                        + currentRevision);
        this.currentRevision = currentRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}

package io.tributary.connector.delta.source;

import org.apache.flink.annotation.Internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What a Delta source's enumerator checkpoints: splits not yet handed out, and where to go on. */
@Internal
public final class DeltaEnumeratorState implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The first table version not yet turned into splits; -1 before the snapshot is planned. */
    final long nextVersion;
    final ArrayList<DeltaFileSplit> pending;

    DeltaEnumeratorState(long nextVersion, List<DeltaFileSplit> pending) {
        this.nextVersion = nextVersion;
        this.pending = new ArrayList<>(pending);
    }
}

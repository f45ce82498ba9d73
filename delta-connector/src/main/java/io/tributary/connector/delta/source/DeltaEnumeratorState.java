package io.tributary.connector.delta.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * What a Delta source's enumerator checkpoints: splits not yet handed out, and where to go on
 * ({@link DeltaEnumeratorStateSerializer}).
 */
@Internal
public final class DeltaEnumeratorState {
    /** The first table version not yet turned into splits; -1 before the snapshot is planned. */
    final long nextVersion;

    final ArrayList<DeltaFileSplit> pending;

    DeltaEnumeratorState(long nextVersion, List<DeltaFileSplit> pending) {
        this.nextVersion = nextVersion;
        this.pending = new ArrayList<>(pending);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeltaEnumeratorState
                && nextVersion == ((DeltaEnumeratorState) o).nextVersion
                && pending.equals(((DeltaEnumeratorState) o).pending);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nextVersion) * 31 + pending.hashCode();
    }
}

package io.tributary.connector.kinesis.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.Internal;

/**
 * What the enumerator checkpoints: the shards read to their end, those handed to readers (their
 * positions live in the readers' state), those waiting for their parents, and when the source first
 * listed the stream (0: not yet), which decides what a newly found shard starts from.
 */
@Internal
public final class EnumeratorState {
    final Set<String> finished;
    final Set<String> assigned;
    final List<ShardSplit> pending;
    final long firstListedMillis;

    public EnumeratorState(
            Collection<String> finished,
            Collection<String> assigned,
            Collection<ShardSplit> pending,
            long firstListedMillis) {
        this.finished = new LinkedHashSet<>(finished);
        this.assigned = new LinkedHashSet<>(assigned);
        this.pending = new ArrayList<>(pending);
        this.firstListedMillis = firstListedMillis;
    }

    public static EnumeratorState initial() {
        return new EnumeratorState(List.of(), List.of(), List.of(), 0);
    }
}

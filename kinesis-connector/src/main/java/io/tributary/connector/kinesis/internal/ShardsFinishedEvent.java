package io.tributary.connector.kinesis.internal;

import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;

/** A reader read these shards to their end (closed shards), so their children may be assigned. */
@Internal
public final class ShardsFinishedEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final List<String> shardIds;

    public ShardsFinishedEvent(List<String> shardIds) {
        this.shardIds = List.copyOf(shardIds);
    }

    public List<String> shardIds() {
        return shardIds;
    }
}

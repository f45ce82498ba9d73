package io.tributary.connector.kinesis.internal;

import io.tributary.connector.kinesis.KinesisDeserializationSchema;
import io.tributary.connector.kinesis.ShardRecord;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * A subtask's shards, polled by one fetcher thread. When a shard is read to its end the enumerator
 * is told, so that its children can be assigned.
 */
@Internal
public final class KinesisSourceReader<T>
        extends SingleThreadMultiplexSourceReaderBase<ShardRecord, T, ShardSplit, ShardSplitState> {

    public KinesisSourceReader(
            KinesisSourceConfig config,
            KinesisDeserializationSchema<T> deserializer,
            SourceReaderContext context) {
        this(config, deserializer, context, new AtomicLong());
    }

    private KinesisSourceReader(
            KinesisSourceConfig config,
            KinesisDeserializationSchema<T> deserializer,
            SourceReaderContext context,
            AtomicLong retries) {
        super(
                () -> new ShardSplitReader(config, retries),
                new ShardRecordEmitter<>(deserializer),
                new Configuration(),
                context);
        context.metricGroup().gauge("kinesisRetriedCalls", retries::get);
    }

    @Override
    public void start() {
        // Splits are pushed by the enumerator; nothing to ask for.
    }

    @Override
    protected void onSplitFinished(Map<String, ShardSplitState> finishedSplitIds) {
        context.sendSourceEventToCoordinator(
                new ShardsFinishedEvent(new ArrayList<>(finishedSplitIds.keySet())));
    }

    @Override
    protected ShardSplitState initializedState(ShardSplit split) {
        return new ShardSplitState(split);
    }

    @Override
    protected ShardSplit toSplitType(String splitId, ShardSplitState state) {
        return state.toSplit();
    }
}

package io.tributary.connector.kinesis.internal;

import io.tributary.connector.kinesis.KinesisDeserializationSchema;
import io.tributary.connector.kinesis.ShardRecord;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.util.Collector;

/**
 * Hands a record's values on, then moves its split past the record: a checkpoint taken between two
 * records continues after the last one handed on. Values carry the record's arrival time as their
 * timestamp.
 */
@Internal
public final class ShardRecordEmitter<T> implements RecordEmitter<ShardRecord, T, ShardSplitState> {
    private final KinesisDeserializationSchema<T> deserializer;
    private final Output<T> output = new Output<>();

    public ShardRecordEmitter(KinesisDeserializationSchema<T> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void emitRecord(ShardRecord record, SourceOutput<T> out, ShardSplitState state)
            throws Exception {
        output.target = out;
        output.timestamp =
                record.approximateArrivalTimestamp() == null
                        ? Long.MIN_VALUE
                        : record.approximateArrivalTimestamp().toEpochMilli();
        deserializer.deserialize(record, output);
        state.emitted(record.sequenceNumber());
    }

    private static final class Output<T> implements Collector<T> {
        SourceOutput<T> target;
        long timestamp;

        @Override
        public void collect(T value) {
            if (timestamp == Long.MIN_VALUE) {
                target.collect(value);
            } else {
                target.collect(value, timestamp);
            }
        }

        @Override
        public void close() {}
    }
}

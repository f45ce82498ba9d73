package io.tributary.pipelines.streams;

import io.tributary.connector.kinesis.KinesisDeserializationSchema;
import io.tributary.connector.kinesis.ShardRecord;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.Collector;

/**
 * Kinesis records as {@link RawRecordDeserializer#ROW_TYPE} rows: the stream as configured (name or
 * ARN) in place of the topic, {@code kinesis:<stream>/<shard>/<sequence number>} as the source.
 */
@Internal
public final class RawShardRecords implements KinesisDeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final String stream;

    /**
     * @param stream the stream as the tables file names it
     */
    public RawShardRecords(String stream) {
        this.stream = stream;
    }

    @Override
    public void deserialize(ShardRecord record, Collector<RowData> out) {
        out.collect(
                GenericRowData.of(
                        StringData.fromString(stream),
                        StringData.fromString(
                                KinesisSources.sourceOf(
                                        record.streamName(),
                                        record.shardId(),
                                        record.sequenceNumber())),
                        0L,
                        record.data()));
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(RawRecordDeserializer.ROW_TYPE);
    }
}

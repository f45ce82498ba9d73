package io.tributary.pipelines.streams;

import io.tributary.connector.kinesis.KinesisDeserializationSchema;
import io.tributary.connector.kinesis.ShardRecord;
import io.tributary.pipelines.runtime.LineRows;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.Collector;

/**
 * Kinesis records to {@link LineRows}, as Kafka records are: a record that cannot be opened becomes
 * a rejects row with its stream, shard and sequence number.
 */
@Internal
public final class LineShardRecords implements KinesisDeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final LineRecordFormat format;

    public LineShardRecords(LineRecordFormat format) {
        this.format = format;
    }

    @Override
    public void deserialize(ShardRecord record, Collector<RowData> out) {
        out.collect(
                LineRecordDeserializer.row(
                        record.data(),
                        StringData.fromString(
                                KinesisSources.sourceOf(
                                        record.streamName(),
                                        record.shardId(),
                                        record.sequenceNumber())),
                        0L,
                        format));
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(LineRows.ROW_TYPE);
    }
}

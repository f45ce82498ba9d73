package io.tributary.pipelines.streams;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records as rows of topic, source ({@code kafka:<topic>/<partition>}), offset and value,
 * decoded later so that a record that is no change event still reaches a rejects table (Kinesis
 * records make the same rows: {@link RawShardRecords}). Records without a value (Debezium's
 * tombstones after a delete, for log compaction) carry nothing and are skipped.
 */
@Internal
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    public static final RowType ROW_TYPE =
            RowType.of(
                    new LogicalType[] {
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE,
                        new BigIntType(),
                        new VarBinaryType(VarBinaryType.MAX_LENGTH)
                    },
                    new String[] {"topic", "source", "source_offset", "payload"});

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RowData> out) {
        if (record.value() != null) {
            out.collect(
                    GenericRowData.of(
                            StringData.fromString(record.topic()),
                            StringData.fromString(
                                    KafkaSources.sourceOf(record.topic(), record.partition())),
                            record.offset(),
                            record.value()));
        }
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(ROW_TYPE);
    }
}

package io.tributary.connector.kinesis;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

/**
 * Turns a Kinesis record into zero or more values. It sees the whole {@link ShardRecord} (shard,
 * sequence number, arrival time), so that lineage can travel with the value; {@link #valueOnly}
 * adapts a plain {@link DeserializationSchema} of the data.
 */
@PublicEvolving
public interface KinesisDeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

    /** Called once per reader before the first record. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {}

    /**
     * Emits the values of one record. A schema that throws fails the job; one that should never do
     * so turns bad records into values of its own (a rejects row, say).
     */
    void deserialize(ShardRecord record, Collector<T> out) throws IOException;

    /** The values a {@link DeserializationSchema} makes of each record's data. */
    static <T> KinesisDeserializationSchema<T> valueOnly(DeserializationSchema<T> schema) {
        return new KinesisDeserializationSchema<T>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void open(DeserializationSchema.InitializationContext context) throws Exception {
                schema.open(context);
            }

            @Override
            public void deserialize(ShardRecord record, Collector<T> out) throws IOException {
                schema.deserialize(record.data(), out);
            }

            @Override
            public TypeInformation<T> getProducedType() {
                return schema.getProducedType();
            }
        };
    }
}

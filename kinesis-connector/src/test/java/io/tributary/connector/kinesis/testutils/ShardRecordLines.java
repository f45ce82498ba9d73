package io.tributary.connector.kinesis.testutils;

import io.tributary.connector.kinesis.KinesisDeserializationSchema;
import io.tributary.connector.kinesis.ShardRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/** Each record as {@code <shard> <sequence number> <data>}, to check where and in what order. */
public final class ShardRecordLines implements KinesisDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ShardRecord record, Collector<String> out) {
        out.collect(
                record.shardId()
                        + " "
                        + record.sequenceNumber()
                        + " "
                        + new String(record.data(), StandardCharsets.UTF_8));
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    public static String shardOf(String line) {
        return line.split(" ", 3)[0];
    }

    public static String sequenceOf(String line) {
        return line.split(" ", 3)[1];
    }

    public static String dataOf(String line) {
        return line.split(" ", 3)[2];
    }
}

package io.tributary.pipelines.testutils;

import io.tributary.pipelines.runtime.StreamSource;
import java.util.List;

/** What a test sends lines through: a Kafka topic or a Kinesis stream. */
public interface LineFeed {
    /** Sends UTF-8 records, one per value, spread over the topic's partitions or the shards. */
    void sendLines(String topicOrStream, List<String> values) throws Exception;

    /** The feed of {@code source}: one of a test class's two servers. */
    static LineFeed of(StreamSource source, KafkaBroker kafka, KinesaliteServer kinesis) {
        return source == StreamSource.KINESIS ? kinesis : kafka;
    }
}

package io.tributary.connector.kinesis.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** Every shard of a stream that is within its retention, open or closed, in ListShards order. */
@Internal
final class StreamShards {
    private StreamShards() {}

    static List<Shard> list(KinesisClient client, KinesisSourceConfig config) {
        List<Shard> shards = new ArrayList<>();
        String next = null;
        try {
            do {
                ListShardsRequest.Builder request = ListShardsRequest.builder();
                if (next != null) {
                    request.nextToken(next); // a paged call names no stream
                } else if (config.streamArn != null) {
                    request.streamARN(config.streamArn);
                } else {
                    request.streamName(config.streamName);
                }
                ListShardsResponse response = client.listShards(request.build());
                shards.addAll(response.shards());
                next = response.nextToken();
            } while (next != null);
        } catch (ResourceNotFoundException e) {
            throw new IllegalStateException(
                    "Kinesis stream "
                            + config.describe()
                            + " does not exist"
                            + (config.endpoint != null ? " at " + config.endpoint : "")
                            + (config.region != null ? " in " + config.region : "")
                            + ": "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        }
        return shards;
    }
}

package io.tributary.connector.kinesis.local;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Creates, fills and reshards streams of a local Kinesis API (kinesalite), for tests, the demo and
 * benchmarks. Every call waits for the stream to be active again.
 */
@Internal
public final class LocalStreams implements AutoCloseable {
    private final KinesisClient client;

    public LocalStreams(String endpoint) {
        client =
                KinesisClient.builder()
                        .endpointOverride(URI.create(endpoint))
                        .region(Region.of(Kinesalite.REGION))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                Kinesalite.ACCESS_KEY_ID,
                                                Kinesalite.SECRET_ACCESS_KEY)))
                        .httpClientBuilder(
                                ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                        .build();
    }

    public KinesisClient client() {
        return client;
    }

    public void create(String stream, int shards) {
        client.createStream(b -> b.streamName(stream).shardCount(shards));
        awaitActive(stream);
    }

    /**
     * Puts the records in order, each one after the previous is stored, so that records of one
     * shard get sequence numbers in list order.
     *
     * @return the shard each record went to, in the records' order
     */
    public List<String> put(String stream, List<Map.Entry<String, byte[]>> keyedRecords) {
        List<String> shards = new ArrayList<>(keyedRecords.size());
        for (int from = 0; from < keyedRecords.size(); from += 500) {
            List<PutRecordsRequestEntry> batch = new ArrayList<>();
            for (Map.Entry<String, byte[]> record :
                    keyedRecords.subList(from, Math.min(keyedRecords.size(), from + 500))) {
                batch.add(
                        PutRecordsRequestEntry.builder()
                                .partitionKey(record.getKey())
                                .data(SdkBytes.fromByteArray(record.getValue()))
                                .build());
            }
            PutRecordsResponse response =
                    client.putRecords(b -> b.streamName(stream).records(batch));
            if (response.failedRecordCount() != null && response.failedRecordCount() > 0) {
                throw new IllegalStateException(
                        response.failedRecordCount() + " records were refused: " + response);
            }
            for (PutRecordsResultEntry entry : response.records()) {
                shards.add(entry.shardId());
            }
        }
        return shards;
    }

    /** Splits a shard in two at the middle of its hash key range. */
    public void split(String stream, String shardId) {
        Shard shard =
                shards(stream).stream()
                        .filter(s -> s.shardId().equals(shardId))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no shard " + shardId));
        java.math.BigInteger start =
                new java.math.BigInteger(shard.hashKeyRange().startingHashKey());
        java.math.BigInteger end = new java.math.BigInteger(shard.hashKeyRange().endingHashKey());
        String middle = start.add(end).shiftRight(1).add(java.math.BigInteger.ONE).toString();
        client.splitShard(
                b -> b.streamName(stream).shardToSplit(shardId).newStartingHashKey(middle));
        awaitActive(stream);
    }

    /** Merges two shards with adjacent hash key ranges. */
    public void merge(String stream, String shardId, String adjacentShardId) {
        client.mergeShards(
                b ->
                        b.streamName(stream)
                                .shardToMerge(shardId)
                                .adjacentShardToMerge(adjacentShardId));
        awaitActive(stream);
    }

    /**
     * Reads every record of every shard from its start with plain GetRecords calls, one shard after
     * another: how fast the server alone serves records.
     *
     * @return the records read
     */
    public long readAll(String stream) {
        long[] records = {0};
        forEachRecord(stream, r -> records[0]++);
        return records[0];
    }

    /** The latest arrival time of a record of the stream, by the server's clock. */
    public Instant lastArrival(String stream) {
        Instant[] last = {Instant.EPOCH};
        forEachRecord(
                stream,
                r -> {
                    if (r.approximateArrivalTimestamp().isAfter(last[0])) {
                        last[0] = r.approximateArrivalTimestamp();
                    }
                });
        return last[0];
    }

    private void forEachRecord(String stream, Consumer<Record> action) {
        for (Shard shard : shards(stream)) {
            String iterator =
                    client.getShardIterator(
                                    b ->
                                            b.streamName(stream)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response =
                        client.getRecords(b -> b.shardIterator(current).limit(10_000));
                response.records().forEach(action);
                boolean caughtUp =
                        response.records().isEmpty()
                                && Long.valueOf(0).equals(response.millisBehindLatest());
                iterator = caughtUp ? null : response.nextShardIterator();
            }
        }
    }

    public List<Shard> shards(String stream) {
        return client.listShards(b -> b.streamName(stream)).shards();
    }

    private void awaitActive(String stream) {
        // kinesalite started by Kinesalite.start() updates streams at once; a few polls at most.
        for (int i = 0; i < 600; i++) {
            if (client.describeStreamSummary(b -> b.streamName(stream))
                            .streamDescriptionSummary()
                            .streamStatus()
                    == StreamStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("stream " + stream + " did not become active");
    }

    @Override
    public void close() {
        client.close();
    }
}

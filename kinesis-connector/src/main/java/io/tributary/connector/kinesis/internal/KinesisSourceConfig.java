package io.tributary.connector.kinesis.internal;

import io.tributary.connector.kinesis.CredentialsProvider;
import io.tributary.connector.kinesis.InitialPosition;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/** The settings a {@code KinesisSource} hands its enumerator and readers, resolved and checked. */
@Internal
public final class KinesisSourceConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The stream's ARN, or null when it is named. */
    public final String streamArn;

    /** The stream's name: given, or the last part of the ARN. Lineage carries it. */
    public final String streamName;

    /** Null: the SDK's default region chain. */
    public final String region;

    /** Null: the region's endpoint. */
    public final String endpoint;

    public final CredentialsProvider credentialsProvider;
    public final String accessKeyId;
    public final String secretAccessKey;
    public final InitialPosition initialPosition;

    /** Epoch milliseconds, with {@link InitialPosition#AT_TIMESTAMP}. */
    public final long initialTimestampMillis;

    public final long discoveryIntervalMillis;
    public final int maxRecordsPerGet;
    public final long emptyFetchIntervalMillis;
    public final boolean bounded;

    /** Per shard id, the sequence number after which a source without state reads it. */
    public final HashMap<String, String> continueAfter;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public KinesisSourceConfig(
            String streamArn,
            String streamName,
            String region,
            String endpoint,
            CredentialsProvider credentialsProvider,
            String accessKeyId,
            String secretAccessKey,
            InitialPosition initialPosition,
            long initialTimestampMillis,
            long discoveryIntervalMillis,
            int maxRecordsPerGet,
            long emptyFetchIntervalMillis,
            boolean bounded,
            Map<String, String> continueAfter) {
        this.streamArn = streamArn;
        this.streamName = streamName;
        this.region = region;
        this.endpoint = endpoint;
        this.credentialsProvider = credentialsProvider;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.initialPosition = initialPosition;
        this.initialTimestampMillis = initialTimestampMillis;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.maxRecordsPerGet = maxRecordsPerGet;
        this.emptyFetchIntervalMillis = emptyFetchIntervalMillis;
        this.bounded = bounded;
        this.continueAfter = new HashMap<>(continueAfter);
    }

    /** How messages name the stream. */
    public String describe() {
        return streamArn != null ? streamArn : streamName;
    }
}

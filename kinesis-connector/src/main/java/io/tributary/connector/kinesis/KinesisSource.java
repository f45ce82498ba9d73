package io.tributary.connector.kinesis;

import io.tributary.connector.kinesis.internal.EnumeratorState;
import io.tributary.connector.kinesis.internal.EnumeratorStateSerializer;
import io.tributary.connector.kinesis.internal.KinesisSourceConfig;
import io.tributary.connector.kinesis.internal.KinesisSourceReader;
import io.tributary.connector.kinesis.internal.ShardEnumerator;
import io.tributary.connector.kinesis.internal.ShardSplit;
import io.tributary.connector.kinesis.internal.ShardSplitSerializer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * Reads a Kinesis data stream with GetRecords polling (FLIP-27): each shard is a split, read by one
 * reader, its sequence number kept in the checkpoint.
 *
 * <pre>
 *   enumerator (JobManager)                      readers (one per subtask)
 *   ListShards every 'source.shard.discovery.interval'
 *     new shard ─▶ waits for its parents ─▶ assign ─▶ GetShardIterator, GetRecords … per shard
 *     ◀──────────── ShardsFinishedEvent (a closed shard read to its end) ◀──┘
 * </pre>
 *
 * <p>Records of a shard come out in sequence order, and a shard born of a split or a merge is read
 * only after its parents, so a partition key's records stay in order across resharding. A job
 * restored from a checkpoint continues after the last record each shard handed on; one started
 * without state starts at {@link InitialPosition}, or after the sequence numbers given to {@link
 * Builder#continueAfter} (where the job's sink already holds them). A bounded source reads what the
 * stream held at its start.
 */
@PublicEvolving
public final class KinesisSource<T>
        implements Source<T, ShardSplit, EnumeratorState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final KinesisSourceConfig config;
    private final KinesisDeserializationSchema<T> deserializer;

    private KinesisSource(
            KinesisSourceConfig config, KinesisDeserializationSchema<T> deserializer) {
        this.config = config;
        this.deserializer = deserializer;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return config.bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> createEnumerator(
            SplitEnumeratorContext<ShardSplit> context) {
        return new ShardEnumerator(context, config, EnumeratorState.initial());
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<ShardSplit> context, EnumeratorState checkpoint) {
        return new ShardEnumerator(context, config, checkpoint);
    }

    @Override
    public SourceReader<T, ShardSplit> createReader(SourceReaderContext context) throws Exception {
        deserializer.open(
                new DeserializationSchema.InitializationContext() {
                    @Override
                    public MetricGroup getMetricGroup() {
                        return context.metricGroup().addGroup("deserializer");
                    }

                    @Override
                    public UserCodeClassLoader getUserCodeClassLoader() {
                        return context.getUserCodeClassLoader();
                    }
                });
        return new KinesisSourceReader<>(config, deserializer, context);
    }

    @Override
    public SimpleVersionedSerializer<ShardSplit> getSplitSerializer() {
        return ShardSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return EnumeratorStateSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }

    /** The name lineage gives the stream: the name, or the last part of the ARN. */
    public String streamName() {
        return config.streamName;
    }

    /** Builds a {@link KinesisSource}; {@link #build()} checks the settings together. */
    @PublicEvolving
    public static final class Builder<T> {
        private final Configuration options = new Configuration();
        private final Map<String, String> continueAfter = new HashMap<>();
        private KinesisDeserializationSchema<T> deserializer;

        private Builder() {}

        /** Takes the {@link KinesisSourceOptions} set in {@code conf}. */
        public Builder<T> configure(ReadableConfig conf) {
            for (ConfigOption<?> option : KinesisSourceOptions.all()) {
                copy(conf, option);
            }
            return this;
        }

        private <V> void copy(ReadableConfig conf, ConfigOption<V> option) {
            conf.getOptional(option).ifPresent(value -> options.set(option, value));
        }

        public Builder<T> streamArn(String arn) {
            options.set(KinesisSourceOptions.STREAM_ARN, arn);
            return this;
        }

        public Builder<T> streamName(String name) {
            options.set(KinesisSourceOptions.STREAM, name);
            return this;
        }

        public Builder<T> region(String region) {
            options.set(KinesisSourceOptions.AWS_REGION, region);
            return this;
        }

        public Builder<T> endpoint(String endpoint) {
            options.set(KinesisSourceOptions.AWS_ENDPOINT, endpoint);
            return this;
        }

        /** Static credentials ({@link CredentialsProvider#BASIC}). */
        public Builder<T> credentials(String accessKeyId, String secretAccessKey) {
            options.set(KinesisSourceOptions.AWS_CREDENTIALS_PROVIDER, CredentialsProvider.BASIC);
            options.set(KinesisSourceOptions.AWS_ACCESS_KEY_ID, accessKeyId);
            options.set(KinesisSourceOptions.AWS_SECRET_ACCESS_KEY, secretAccessKey);
            return this;
        }

        public Builder<T> initialPosition(InitialPosition position) {
            options.set(KinesisSourceOptions.INITIAL_POSITION, position);
            return this;
        }

        /** Starts the shards open at the start at the first record that arrived at or after. */
        public Builder<T> initialTimestamp(Instant timestamp) {
            options.set(KinesisSourceOptions.INITIAL_POSITION, InitialPosition.AT_TIMESTAMP);
            options.set(
                    KinesisSourceOptions.INITIAL_TIMESTAMP,
                    Long.toString(timestamp.getEpochSecond()) + "." + millisOf(timestamp));
            return this;
        }

        private static String millisOf(Instant timestamp) {
            return String.format("%03d", timestamp.getNano() / 1_000_000);
        }

        public Builder<T> bounded(boolean bounded) {
            options.set(KinesisSourceOptions.BOUNDED, bounded);
            return this;
        }

        /**
         * Per shard id, the sequence number a source without state continues after — the last
         * record its sink already holds. Shards missing from a non-empty map start at their
         * beginning; the initial position applies only when the map is empty.
         */
        public Builder<T> continueAfter(Map<String, String> sequenceNumbers) {
            continueAfter.putAll(sequenceNumbers);
            return this;
        }

        public Builder<T> deserializer(KinesisDeserializationSchema<T> deserializer) {
            this.deserializer = deserializer;
            return this;
        }

        public KinesisSource<T> build() {
            if (deserializer == null) {
                throw new IllegalArgumentException("A Kinesis source needs a deserializer");
            }
            String arn = options.get(KinesisSourceOptions.STREAM_ARN);
            String name = options.get(KinesisSourceOptions.STREAM);
            if ((arn == null) == (name == null)) {
                throw new IllegalArgumentException(
                        "Set exactly one of '"
                                + KinesisSourceOptions.STREAM_ARN.key()
                                + "' and '"
                                + KinesisSourceOptions.STREAM.key()
                                + "' (got "
                                + (arn == null ? "neither" : "both")
                                + ")");
            }
            StreamArn parsed = arn == null ? null : StreamArn.parse(arn);
            String region = options.get(KinesisSourceOptions.AWS_REGION);
            if (region == null && parsed != null) {
                region = parsed.region;
            }
            CredentialsProvider credentials =
                    options.get(KinesisSourceOptions.AWS_CREDENTIALS_PROVIDER);
            String keyId = options.get(KinesisSourceOptions.AWS_ACCESS_KEY_ID);
            String secret = options.get(KinesisSourceOptions.AWS_SECRET_ACCESS_KEY);
            if (credentials == CredentialsProvider.BASIC && (keyId == null || secret == null)) {
                throw new IllegalArgumentException(
                        "'aws.credentials.provider' = 'BASIC' needs '"
                                + KinesisSourceOptions.AWS_ACCESS_KEY_ID.key()
                                + "' and '"
                                + KinesisSourceOptions.AWS_SECRET_ACCESS_KEY.key()
                                + "'");
            }
            InitialPosition position = options.get(KinesisSourceOptions.INITIAL_POSITION);
            long timestamp = 0;
            String timestampText = options.get(KinesisSourceOptions.INITIAL_TIMESTAMP);
            if (position == InitialPosition.AT_TIMESTAMP) {
                if (timestampText == null) {
                    throw new IllegalArgumentException(
                            "'source.init.position' = 'AT_TIMESTAMP' needs '"
                                    + KinesisSourceOptions.INITIAL_TIMESTAMP.key()
                                    + "'");
                }
                timestamp =
                        parseTimestamp(
                                timestampText,
                                options.get(KinesisSourceOptions.INITIAL_TIMESTAMP_FORMAT));
            }
            int maxRecords = options.get(KinesisSourceOptions.MAX_RECORDS_PER_GET);
            if (maxRecords < 1 || maxRecords > 10_000) {
                throw new IllegalArgumentException(
                        "'"
                                + KinesisSourceOptions.MAX_RECORDS_PER_GET.key()
                                + "' must be from 1 to 10000 (got "
                                + maxRecords
                                + ")");
            }
            KinesisSourceConfig config =
                    new KinesisSourceConfig(
                            arn,
                            parsed != null ? parsed.name : name,
                            region,
                            options.get(KinesisSourceOptions.AWS_ENDPOINT),
                            credentials,
                            keyId,
                            secret,
                            position,
                            timestamp,
                            options.get(KinesisSourceOptions.SHARD_DISCOVERY_INTERVAL).toMillis(),
                            maxRecords,
                            options.get(KinesisSourceOptions.EMPTY_RECORDS_FETCH_INTERVAL)
                                    .toMillis(),
                            options.get(KinesisSourceOptions.BOUNDED),
                            continueAfter);
            return new KinesisSource<>(config, deserializer);
        }

        /** Seconds since the epoch (with a fraction), or the pattern's text with its offset. */
        static long parseTimestamp(String text, String pattern) {
            try {
                return Math.round(Double.parseDouble(text) * 1000);
            } catch (NumberFormatException notSeconds) {
                try {
                    return ZonedDateTime.parse(text, DateTimeFormatter.ofPattern(pattern))
                            .toInstant()
                            .toEpochMilli();
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "'"
                                    + KinesisSourceOptions.INITIAL_TIMESTAMP.key()
                                    + "' = '"
                                    + text
                                    + "' is neither seconds since the epoch nor in the format '"
                                    + pattern
                                    + "'",
                            e);
                }
            }
        }
    }

    /** {@code arn:<partition>:kinesis:<region>:<account>:stream/<name>}. */
    private static final class StreamArn {
        final String region;
        final String name;

        private StreamArn(String region, String name) {
            this.region = region;
            this.name = name;
        }

        static StreamArn parse(String arn) {
            String[] parts = arn.split(":", 6);
            if (parts.length != 6
                    || !"arn".equals(parts[0])
                    || !"kinesis".equals(parts[2])
                    || !parts[5].startsWith("stream/")
                    || parts[5].length() == "stream/".length()) {
                throw new IllegalArgumentException(
                        "'"
                                + arn
                                + "' is not a Kinesis stream ARN"
                                + " (arn:aws:kinesis:<region>:<account>:stream/<name>)");
            }
            return new StreamArn(
                    parts[3].isEmpty() ? null : parts[3], parts[5].substring("stream/".length()));
        }
    }
}

package io.tributary.pipelines.streams;

import io.tributary.connector.kinesis.InitialPosition;
import io.tributary.connector.kinesis.KinesisDeserializationSchema;
import io.tributary.connector.kinesis.KinesisSource;
import io.tributary.connector.kinesis.KinesisSourceOptions;
import io.tributary.connector.kinesis.local.Kinesalite;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.KnownSettings;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.data.RowData;

/**
 * The Kinesis source of a streaming pipeline, from {@code tributary.kinesis.*}. A job restored from
 * a checkpoint continues from the sequence numbers in it; one started afresh continues after the
 * last sequence numbers its lake tables hold ({@link CommittedSequences}).
 */
@Internal
public final class KinesisSources {
    public static final String PROPERTIES_PREFIX = "tributary.kinesis.properties.";
    private static final String SCHEME = "kinesis:";

    private KinesisSources() {}

    /**
     * @param stream a stream name or ARN
     * @param continueAfter per shard id, the last sequence number every table fed holds
     */
    public static KinesisSource<RowData> source(
            Configuration conf,
            String stream,
            KinesisDeserializationSchema<RowData> deserializer,
            Map<String, String> continueAfter) {
        KinesisSource.Builder<RowData> builder =
                KinesisSource.<RowData>builder()
                        .configure(sourceProperties(conf))
                        .initialPosition(conf.get(TributaryOptions.KINESIS_INITIAL_POSITION))
                        .bounded(conf.get(TributaryOptions.STREAMING_BOUNDED))
                        .continueAfter(continueAfter)
                        .deserializer(deserializer);
        if (stream.startsWith("arn:")) {
            builder.streamArn(stream);
        } else {
            builder.streamName(stream);
        }
        conf.getOptional(TributaryOptions.KINESIS_REGION).ifPresent(builder::region);
        conf.getOptional(TributaryOptions.KINESIS_ENDPOINT).ifPresent(builder::endpoint);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(
                    "The Kinesis source of stream "
                            + stream
                            + " is misconfigured: "
                            + e.getMessage(),
                    "check tributary.kinesis.* ('tributary config' lists them)");
        }
    }

    /**
     * The settings that point the pipelines at a local kinesalite: its endpoint, its region and a
     * key it accepts (it checks that requests are signed, not by whom).
     */
    public static Map<String, String> localSettings(String endpoint) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TributaryOptions.KINESIS_ENDPOINT.key(), endpoint);
        settings.put(TributaryOptions.KINESIS_REGION.key(), Kinesalite.REGION);
        settings.put(
                PROPERTIES_PREFIX + KinesisSourceOptions.AWS_CREDENTIALS_PROVIDER.key(), "BASIC");
        settings.put(
                PROPERTIES_PREFIX + KinesisSourceOptions.AWS_ACCESS_KEY_ID.key(),
                Kinesalite.ACCESS_KEY_ID);
        settings.put(
                PROPERTIES_PREFIX + KinesisSourceOptions.AWS_SECRET_ACCESS_KEY.key(),
                Kinesalite.SECRET_ACCESS_KEY);
        return settings;
    }

    /**
     * The source settings under {@code tributary.kinesis.properties.}, with the official
     * connector's keys (an unknown key fails naming the nearest one), and the initial timestamp.
     */
    static Configuration sourceProperties(Configuration conf) {
        TreeSet<String> known =
                KinesisSourceOptions.all().stream()
                        .map(ConfigOption::key)
                        .collect(Collectors.toCollection(TreeSet::new));
        Configuration properties = new Configuration();
        conf.toMap()
                .forEach(
                        (key, value) -> {
                            if (!key.startsWith(PROPERTIES_PREFIX)) {
                                return;
                            }
                            String sourceKey = key.substring(PROPERTIES_PREFIX.length());
                            if (!known.contains(sourceKey)) {
                                throw new ConfigurationError(
                                        "Unknown Kinesis source setting '" + key + "'",
                                        KnownSettings.nearest(sourceKey, known)
                                                .map(
                                                        k ->
                                                                "did you mean "
                                                                        + PROPERTIES_PREFIX
                                                                        + k
                                                                        + "?")
                                                .orElse("the keys are " + known));
                            }
                            properties.setString(sourceKey, value);
                        });
        conf.getOptional(TributaryOptions.KINESIS_INITIAL_TIMESTAMP)
                .ifPresent(t -> properties.set(KinesisSourceOptions.INITIAL_TIMESTAMP, t));
        if (conf.get(TributaryOptions.KINESIS_INITIAL_POSITION) == InitialPosition.AT_TIMESTAMP
                && !conf.getOptional(TributaryOptions.KINESIS_INITIAL_TIMESTAMP).isPresent()) {
            throw new ConfigurationError(
                    TributaryOptions.KINESIS_INITIAL_POSITION.key()
                            + " = AT_TIMESTAMP needs a time",
                    "set " + TributaryOptions.KINESIS_INITIAL_TIMESTAMP.key());
        }
        return properties;
    }

    /**
     * How lake rows name a record: {@code kinesis:<stream>/<shard id>/<sequence number>}. A
     * sequence number (up to 128 digits) does not fit the BIGINT position column, so it stays in
     * the source; the position column holds 0.
     */
    public static String sourceOf(String stream, String shardId, String sequenceNumber) {
        return shardOf(stream, shardId) + "/" + sequenceNumber;
    }

    /** {@code kinesis:<stream>/<shard id>}: a shard, as {@link CommittedSequences} keys it. */
    public static String shardOf(String stream, String shardId) {
        return prefixOf(stream) + shardId;
    }

    static String prefixOf(String stream) {
        return SCHEME + stream + "/";
    }

    /** Whether a lake row's source names a Kinesis record. */
    public static boolean isRecord(String source) {
        return source.startsWith(SCHEME);
    }

    /** The shard part of a record's source ({@code kinesis:<stream>/<shard id>}). */
    public static String shardPartOf(String recordSource) {
        return recordSource.substring(0, recordSource.lastIndexOf('/'));
    }

    /** The sequence number part of a record's source. */
    public static String sequencePartOf(String recordSource) {
        return recordSource.substring(recordSource.lastIndexOf('/') + 1);
    }

    /** The stream name lake rows carry: the name, or the last part of an ARN. */
    public static String streamNameOf(String stream) {
        return stream.startsWith("arn:") ? stream.substring(stream.lastIndexOf('/') + 1) : stream;
    }
}

package io.tributary.pipelines.streams;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * The Kafka source of a streaming pipeline. A job restored from a checkpoint or savepoint continues
 * from the offsets in it; a job started afresh continues after the last offsets its lake table
 * holds, so a fresh start neither repeats nor skips committed records. Offsets are also committed
 * to the consumer group at checkpoints, for lag monitoring only.
 */
@Internal
public final class KafkaSources {
    static final String CLIENT_PROPERTIES_PREFIX = "tributary.kafka.properties.";
    private static final String SCHEME = "kafka:";
    private static final String CONFIG_PROVIDERS = "config.providers";
    // Named apart from "file" so that a user's own file provider keeps its name.
    private static final String FILE_PROVIDER = "tributarysecrets";

    private KafkaSources() {}

    /**
     * @param nextOffsets per partition, the first offset not yet in the lake; other partitions
     *     start at their earliest offset
     */
    public static KafkaSource<RowData> source(
            ReadableConfig conf,
            String pipeline,
            List<String> topics,
            KafkaRecordDeserializationSchema<RowData> deserializer,
            Map<TopicPartition, Long> nextOffsets) {
        KafkaSourceBuilder<RowData> builder =
                KafkaSource.<RowData>builder()
                        .setBootstrapServers(bootstrapServers(conf))
                        .setTopics(topics)
                        .setGroupId("tributary-" + pipeline)
                        .setClientIdPrefix("tributary-" + pipeline)
                        .setStartingOffsets(
                                OffsetsInitializer.offsets(
                                        nextOffsets, OffsetResetStrategy.EARLIEST))
                        .setDeserializer(deserializer)
                        .setProperty("commit.offsets.on.checkpoint", "true");
        clientProperties(conf).forEach(builder::setProperty);
        if (conf.get(TributaryOptions.STREAMING_BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * The Kafka client settings: {@code tributary.kafka.properties.*}, and the keys of {@code
     * tributary.kafka.properties-file} (a mounted Secret holding the credentials).
     *
     * <p>The file's values are not copied: each of its keys becomes a reference that Kafka's {@link
     * FileConfigProvider} resolves where a client is created (the enumerator on the JobManager, the
     * readers on the TaskManagers, both of which mount the Secret). The settings travel in the job
     * graph, which Kubernetes HA keeps on S3 and the REST API hands out; the credentials do not.
     * The file is read here only to learn its keys and to fail at start when it is missing.
     */
    public static Map<String, String> clientProperties(ReadableConfig conf) {
        Map<String, String> properties = new TreeMap<>();
        if (conf instanceof Configuration) {
            ((Configuration) conf)
                    .toMap()
                    .forEach(
                            (key, value) -> {
                                if (key.startsWith(CLIENT_PROPERTIES_PREFIX)) {
                                    properties.put(
                                            key.substring(CLIENT_PROPERTIES_PREFIX.length()),
                                            value);
                                }
                            });
        }
        Optional<String> file =
                conf.getOptional(TributaryOptions.KAFKA_PROPERTIES_FILE).filter(f -> !f.isBlank());
        if (file.isPresent()) {
            Set<String> keys = keysOf(file.get());
            for (String key : keys) {
                if (properties.containsKey(key)) {
                    throw new ConfigurationError(
                            "The Kafka client setting "
                                    + key
                                    + " is set both in "
                                    + CLIENT_PROPERTIES_PREFIX
                                    + key
                                    + " and in "
                                    + file.get(),
                            "keep it in one place: credentials in the file");
                }
                properties.put(key, "${" + FILE_PROVIDER + ":" + file.get() + ":" + key + "}");
            }
            if (!keys.isEmpty()) {
                String providers = properties.get(CONFIG_PROVIDERS);
                properties.put(
                        CONFIG_PROVIDERS,
                        providers == null ? FILE_PROVIDER : providers + "," + FILE_PROVIDER);
                properties.put(
                        CONFIG_PROVIDERS + "." + FILE_PROVIDER + ".class",
                        FileConfigProvider.class.getName());
            }
        }
        return properties;
    }

    private static Set<String> keysOf(String file) {
        if (file.contains(":")) {
            // A colon would end the path inside a ${provider:path:key} reference.
            throw new ConfigurationError(
                    "The Kafka client settings file " + file + " has a ':' in its path",
                    "mount it at a path without ':', and set "
                            + TributaryOptions.KAFKA_PROPERTIES_FILE.key());
        }
        Properties fromFile = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            fromFile.load(reader);
        } catch (IOException e) {
            throw new ConfigurationError(
                    "Cannot read the Kafka client settings file " + file + ": " + e,
                    "check " + TributaryOptions.KAFKA_PROPERTIES_FILE.key());
        }
        return new TreeSet<>(fromFile.stringPropertyNames());
    }

    /** How lake rows name the partition a record came from: {@code kafka:<topic>/<partition>}. */
    public static String sourceOf(String topic, int partition) {
        return sourcePrefix(topic) + partition;
    }

    static String sourcePrefix(String topic) {
        return SCHEME + topic + "/";
    }

    /** The topic and partition a {@link #sourceOf} string names. */
    static TopicPartition partitionOf(String source) {
        int slash = source.lastIndexOf('/');
        return new TopicPartition(
                source.substring(SCHEME.length(), slash),
                Integer.parseInt(source.substring(slash + 1)));
    }

    public static String bootstrapServers(ReadableConfig conf) {
        return conf.getOptional(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS)
                .filter(s -> !s.isBlank())
                .orElseThrow(
                        () ->
                                new ConfigurationError(
                                        "tributary.kafka.bootstrap-servers is not set",
                                        "point it at your brokers, e.g. -D tributary.kafka.bootstrap-servers=localhost:9092"));
    }
}

package io.tributary.pipelines.testutils;

import io.tributary.connector.kinesis.KinesisSourceOptions;
import io.tributary.connector.kinesis.local.LocalStreams;
import io.tributary.connector.kinesis.testutils.LocalKinesis;
import io.tributary.pipelines.streams.KinesisSources;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kinesis API (kinesalite, installed with npm into {@code target/} when absent) for a test
 * class: {@code @RegisterExtension static KinesaliteServer}.
 */
public final class KinesaliteServer implements BeforeAllCallback, AfterAllCallback, LineFeed {
    private final LocalKinesis kinesis = new LocalKinesis();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kinesis.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kinesis.afterAll(context);
    }

    public LocalStreams streams() {
        return kinesis.streams();
    }

    public void createStream(String stream, int shards) {
        streams().create(stream, shards);
    }

    /** Puts UTF-8 records, each with a partition key of its own, so they spread over the shards. */
    @Override
    public void sendLines(String stream, List<String> values) {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            records.add(
                    new AbstractMap.SimpleEntry<>(
                            "line-" + i, values.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        streams().put(stream, records);
    }

    /** The settings that point a pipeline at this server, as {@code -D} keys and values. */
    public Map<String, String> settings() {
        Map<String, String> settings =
                new LinkedHashMap<>(KinesisSources.localSettings(kinesis.endpoint()));
        String properties = KinesisSources.PROPERTIES_PREFIX;
        settings.put(properties + KinesisSourceOptions.SHARD_DISCOVERY_INTERVAL.key(), "200ms");
        settings.put(properties + KinesisSourceOptions.EMPTY_RECORDS_FETCH_INTERVAL.key(), "50ms");
        return settings;
    }

    public void configure(Configuration conf) {
        settings().forEach(conf::setString);
    }

    /** {@link #settings()} as CLI arguments. */
    public List<String> args() {
        List<String> args = new ArrayList<>();
        settings().forEach((key, value) -> args.addAll(List.of("-D", key + "=" + value)));
        return args;
    }
}

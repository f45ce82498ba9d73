package io.tributary.pipelines.weblogs;

import static io.tributary.pipelines.testutils.WeblogsFixture.gold;
import static io.tributary.pipelines.testutils.WeblogsFixture.land;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.BatchReferences;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.KinesaliteServer;
import io.tributary.pipelines.testutils.Lake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the web-log streaming tests share: an in-JVM Kafka broker and kinesalite, a topic and a
 * stream of their own for each test, and four days of generated lines.
 */
abstract class WeblogsStreamingFixture {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final KinesaliteServer KINESIS = new KinesaliteServer();

    private static int topics;

    @TempDir Path dir;

    String topic;
    List<Path> files;

    @BeforeEach
    void generate() throws IOException {
        topic = "weblogs.lines." + topics++;
        KAFKA.createTopic(topic, 2);
        KINESIS.createStream(topic, 2);
        files = new WeblogGenerator(5).generate(dir.resolve("generated"), 6_000, 4).files;
    }

    Configuration conf(String lake) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve(lake).toString());
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve(lake + "-landing").toString());
        conf.set(TributaryOptions.SINK_TARGET_FILE_SIZE, MemorySize.parse("64kb"));
        conf.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        conf.set(TributaryOptions.STREAMING_BOUNDED, true);
        conf.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofMillis(300));
        conf.set(WeblogsOptions.TOPIC, topic);
        return conf;
    }

    /** The lake {@code lake}, streaming from the topic or the stream of this test. */
    Configuration conf(String lake, StreamSource source) {
        Configuration conf = conf(lake);
        conf.set(WeblogsOptions.SOURCE, source);
        conf.set(WeblogsOptions.STREAM, topic);
        KINESIS.configure(conf);
        return conf;
    }

    static void run(Configuration conf, PipelineMode mode) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(new WeblogsPipeline(), mode);
    }

    /** Gold tables of one batch run over all generated lines. */
    List<List<String>> batchOverEverything() throws Exception {
        return BatchReferences.tables(
                "weblogs, streaming fixture's settings",
                files,
                () -> {
                    Configuration reference = conf("reference");
                    land(reference, files);
                    run(reference, PipelineMode.BATCH);
                    return gold(new Lake(reference));
                });
    }
}

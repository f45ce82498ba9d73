package io.tributary.pipelines.retail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.BatchReferences;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.RetailGold;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda consistency of the retail pipeline: part of the events backfilled and the rest streamed,
 * in either order, leaves the tables the stream keeps (KPIs, similarity, recommendations) equal to
 * one batch run over all events, and the next backfill leaves every gold table equal to it.
 */
class RetailStreamingITCase {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    private static int topics;

    @TempDir Path dir;

    private String topic;
    private List<Path> files;

    @BeforeEach
    void generate() throws Exception {
        topic = "retail.events." + topics++;
        KAFKA.createTopic(topic, 2);
        files =
                new RetailGenerator(9)
                        .generate(
                                dir.resolve("generated"),
                                4_000,
                                300,
                                120,
                                8,
                                RetailGenerator.Format.JSON,
                                false)
                        .files;
    }

    @Test
    void backfillThenStreamKeepsTheKpisAndModelsOfOneBatchRun() throws Exception {
        Configuration conf = conf("lake");
        Landing.land(conf, RetailPipeline.NAME, files.subList(0, 5));
        run(conf, PipelineMode.BATCH);
        KAFKA.sendLines(topic, Landing.lines(files.subList(5, 8)));
        run(conf, PipelineMode.STREAMING);

        List<List<String>> expected = batchOverEverything();
        Lake lake = new Lake(conf);
        assertThat(lake.count("bronze.retail_events_raw")).isEqualTo(Landing.lines(files).size());
        assertThat(RetailGold.streamed(lake)).isEqualTo(expected.subList(0, RetailGold.STREAMED));

        run(
                conf,
                PipelineMode
                        .BATCH); // the next backfill: its landing rows replaced, gold recomputed
        assertThat(RetailGold.tables(new Lake(conf))).isEqualTo(expected);
    }

    @Test
    void streamThenBackfillLeavesTheGoldOfOneBatchRun() throws Exception {
        Configuration conf = conf("lake");
        KAFKA.sendLines(topic, Landing.lines(files.subList(4, 8)));
        run(conf, PipelineMode.STREAMING);
        Landing.land(conf, RetailPipeline.NAME, files.subList(0, 4));
        run(conf, PipelineMode.BATCH);

        List<List<String>> expected = batchOverEverything();
        assertThat(RetailGold.tables(new Lake(conf))).isEqualTo(expected);
        run(conf, PipelineMode.STREAMING); // a stream started after it learns from both origins
        assertThat(RetailGold.streamed(new Lake(conf)))
                .isEqualTo(expected.subList(0, RetailGold.STREAMED));
        assertThat(
                        new Lake(conf)
                                .rows(
                                        "SELECT origin, COUNT(*) FROM bronze.retail_events_raw GROUP BY"
                                                + " origin ORDER BY origin"))
                .containsExactly(
                        "landing," + Landing.lines(files.subList(0, 4)).size(),
                        "stream," + Landing.lines(files.subList(4, 8)).size());
    }

    private List<List<String>> batchOverEverything() throws Exception {
        return BatchReferences.tables(
                "retail, streaming test's settings",
                files,
                () -> {
                    Configuration reference = conf("reference");
                    Landing.land(reference, RetailPipeline.NAME, files);
                    run(reference, PipelineMode.BATCH);
                    return RetailGold.tables(new Lake(reference));
                });
    }

    private Configuration conf(String lake) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve(lake).toString());
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve(lake + "-landing").toString());
        conf.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        conf.set(TributaryOptions.STREAMING_BOUNDED, true);
        conf.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofMillis(300));
        conf.set(RetailOptions.TOPIC, topic);
        return conf;
    }

    private static void run(Configuration conf, PipelineMode mode) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(new RetailPipeline(conf), mode);
    }
}

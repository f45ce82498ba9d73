package io.tributary.pipelines.retail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.BatchReferences;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.KinesaliteServer;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.LineFeed;
import io.tributary.pipelines.testutils.RetailGold;
import io.tributary.pipelines.testutils.StreamingJob;
import io.tributary.pipelines.testutils.TributaryProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retail stream, from Kafka or Kinesis, killed outright (SIGKILL) and resumed from its last
 * checkpoint (offsets or shard sequence numbers with it): every event ends once in bronze; the live
 * model's state (interactions, and the rows the sinks hold) comes back with the sinks' own, so the
 * events after the kill update the model where it was — no row of similarity or recommendations
 * left behind or doubled — and the tables end as one batch run over every event.
 */
class RetailKillITCase {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final KinesaliteServer KINESIS = new KinesaliteServer();

    /** Kept when the run fails: the lake and the checkpoints show what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @ParameterizedTest
    @EnumSource(StreamSource.class)
    void aStreamKilledAndResumedKeepsTheModelOfOneBatchRun(StreamSource source) throws Exception {
        String topic = "retail.kill." + source;
        List<String> sourceArgs =
                new ArrayList<>(List.of("-D", RetailOptions.SOURCE.key() + "=" + source));
        if (source == StreamSource.KINESIS) {
            KINESIS.createStream(topic, 2);
            sourceArgs.addAll(List.of("-D", RetailOptions.STREAM.key() + "=" + topic));
            sourceArgs.addAll(KINESIS.args());
        } else {
            KAFKA.createTopic(topic, 2);
            sourceArgs.addAll(
                    List.of(
                            "-D",
                            TributaryOptions.KAFKA_BOOTSTRAP_SERVERS.key()
                                    + "="
                                    + KAFKA.bootstrapServers(),
                            "-D",
                            RetailOptions.TOPIC.key() + "=" + topic));
        }
        List<Path> files =
                new RetailGenerator(11)
                        .generate(
                                dir.resolve("generated"),
                                3_000,
                                200,
                                80,
                                10, // three training days before the 7-day holdout
                                RetailGenerator.Format.JSON,
                                false)
                        .files;
        List<String> lines = Landing.lines(files);
        String lake = dir.resolve("lake").toString();
        List<String> args = new ArrayList<>(List.of("--mode", "streaming", "--resume"));
        args.addAll(sourceArgs);
        StreamingJob retail = new StreamingJob(RetailPipeline.NAME, lake, args);

        LineFeed.of(source, KAFKA, KINESIS).sendLines(topic, lines.subList(0, lines.size() / 2));
        try (TributaryProcess.Running first = retail.start()) {
            Await.until(
                    "the model of the first half in gold",
                    StreamingJob.PATIENCE,
                    () ->
                            Files.exists(Path.of(lake, "gold/retail_recommendations/_delta_log"))
                                    && retail.lake().count("gold.retail_recommendations") > 0);
            retail.awaitNewCheckpoint(first);
            first.kill();
        }
        LineFeed.of(source, KAFKA, KINESIS)
                .sendLines(topic, lines.subList(lines.size() / 2, lines.size()));
        List<List<String>> expected = batchOverEverything(files);
        try (TributaryProcess.Running resumed = retail.start()) {
            // the assertion below shows what differs if this never holds
            Await.holdsWithin(
                    StreamingJob.PATIENCE,
                    () ->
                            RetailGold.streamed(retail.lake())
                                    .equals(expected.subList(0, RetailGold.STREAMED)));
        }
        assertThat(RetailGold.streamed(retail.lake()))
                .isEqualTo(expected.subList(0, RetailGold.STREAMED));
        assertThat(
                        retail.lake()
                                .rows(
                                        "SELECT COUNT(*), COUNT(DISTINCT CONCAT(source_file, '#',"
                                                + " CAST(line_number AS STRING))) FROM bronze.retail_events_raw"))
                .as("every event once in bronze")
                .containsExactly(lines.size() + "," + lines.size());
    }

    private List<List<String>> batchOverEverything(List<Path> files) throws Exception {
        return BatchReferences.tables(
                "retail, default settings",
                files,
                () -> {
                    Configuration reference = new Configuration();
                    reference.set(TributaryOptions.LAKE_ROOT, dir.resolve("reference").toString());
                    reference.set(
                            TributaryOptions.LANDING_ROOT,
                            dir.resolve("reference-landing").toString());
                    Landing.land(reference, RetailPipeline.NAME, files);
                    new PipelineRunner(reference, new PrintStream(new ByteArrayOutputStream()))
                            .run(new RetailPipeline(reference), PipelineMode.BATCH);
                    return RetailGold.tables(new Lake(reference));
                });
    }
}

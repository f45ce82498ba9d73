package io.tributary.pipelines.weblogs;

import static io.tributary.pipelines.testutils.WeblogsFixture.gold;
import static io.tributary.pipelines.testutils.WeblogsFixture.land;
import static io.tributary.pipelines.testutils.WeblogsFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.BackfillJobs;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.streams.LineRecordFormat;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.LineFeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The web-log pipeline in streaming mode, from an in-JVM Kafka broker and from Kinesis
 * (kinesalite): Lambda consistency (landing files backfilled in batch plus lines streamed, in
 * either order, leave the gold tables one batch run over all lines leaves), a fresh start after the
 * lake's positions, and the Kinesis envelope format. {@link WeblogsFreshStartITCase} starts fresh
 * after a kill between two tables' commits.
 */
class WeblogsStreamingITCase extends WeblogsStreamingFixture {
    @ParameterizedTest
    @EnumSource(StreamSource.class)
    void backfillThenStreamLeavesTheGoldOfOneBatchRun(StreamSource source) throws Exception {
        Configuration conf = conf("lake", source);
        land(conf, files.subList(0, 2));
        run(conf, PipelineMode.BATCH);
        LineFeed.of(source, KAFKA, KINESIS).sendLines(topic, lines(files.subList(2, 4)));
        run(conf, PipelineMode.STREAMING);

        Lake lake = new Lake(conf);
        assertThat(lake.count("bronze.weblogs_raw")).isEqualTo(6_000);
        assertThat(
                        lake.rows(
                                "SELECT origin, COUNT(*) FROM bronze.weblogs_raw GROUP BY origin ORDER BY origin"))
                .containsExactly(
                        "landing," + lines(files.subList(0, 2)).size(),
                        "stream," + lines(files.subList(2, 4)).size());
        assertThat(gold(lake)).isEqualTo(batchOverEverything());
    }

    @ParameterizedTest
    @EnumSource(StreamSource.class)
    void streamThenBackfillThenAFreshStreamLeavesTheGoldOfOneBatchRun(StreamSource source)
            throws Exception {
        Configuration conf = conf("lake", source);
        List<String> streamed = lines(files.subList(2, 4));
        LineFeed.of(source, KAFKA, KINESIS).sendLines(topic, streamed.subList(0, 1_000));
        run(conf, PipelineMode.STREAMING);
        // The backfill replaces only landing rows: the streamed ones stay, and gold counts both.
        land(conf, files.subList(0, 2));
        run(conf, PipelineMode.BATCH);
        // A fresh streaming job continues after the positions the lake holds: nothing read twice.
        LineFeed.of(source, KAFKA, KINESIS)
                .sendLines(topic, streamed.subList(1_000, streamed.size()));
        run(conf, PipelineMode.STREAMING);

        Lake lake = new Lake(conf);
        assertThat(lake.count("bronze.weblogs_raw")).isEqualTo(6_000);
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*) FROM (SELECT DISTINCT source_file, line_number FROM bronze.weblogs_raw)"))
                .as("no line twice")
                .containsExactly("6000");
        assertThat(gold(lake)).isEqualTo(batchOverEverything());
    }

    /**
     * The nightly backfill runs while the stream is up (the chart's default): the backfill writes
     * bronze and silver (its own landing rows), leaves gold to the stream, which recomputes it from
     * the backfill's commits, so gold ends as one batch run's, with no second writer on it.
     */
    @Test
    void aBackfillWhileTheStreamRunsLeavesGoldToTheStream() throws Exception {
        Configuration conf = conf("lake");
        conf.set(TributaryOptions.STREAMING_BOUNDED, false);
        conf.set(TributaryOptions.STREAMING_MONITOR_INTERVAL, Duration.ofMillis(300));
        KAFKA.sendLines(topic, lines(files.subList(2, 4)));
        List<List<String>> expected = batchOverEverything();
        org.apache.flink.core.execution.JobClient stream =
                new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                        .start(new WeblogsPipeline());
        try {
            String summary =
                    dir.resolve("lake").resolve("gold").resolve("weblogs_summary").toString();
            Await.until(
                    "the stream's first gold commit",
                    Duration.ofMinutes(3),
                    () -> io.tributary.connector.delta.DeltaWriterLease.read(summary).isPresent());
            land(conf, files.subList(0, 2));
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            // Gold is left to the stream whether the backfill plans it as a job of its own or
            // in the landing job.
            for (BackfillJobs jobs : List.of(BackfillJobs.SEPARATE, BackfillJobs.COMBINED)) {
                Configuration run = new Configuration(conf);
                run.set(TributaryOptions.BACKFILL_JOBS, jobs);
                new PipelineRunner(run, new PrintStream(said))
                        .run(new WeblogsPipeline(), PipelineMode.BATCH);
            }
            assertThat(said.toString())
                    .contains("gold.weblogs_summary: kept current by streaming job");
            assertThat(
                            java.util.regex.Pattern.compile(
                                            "silver → gold: every table is kept current by a running"
                                                    + " stream; skipped")
                                    .matcher(said.toString())
                                    .results()
                                    .count())
                    .as("both runs leave gold to the stream")
                    .isEqualTo(2);
            Await.until(
                    "gold to follow the backfill's silver",
                    Duration.ofMinutes(3),
                    () -> gold(new Lake(conf)).equals(expected));
            assertThat(new Lake(conf).count("bronze.weblogs_raw")).isEqualTo(6_000);
        } finally {
            stream.cancel().get();
        }
        assertThat(gold(new Lake(conf)))
                .as("one row per summary, no rank twice")
                .isEqualTo(expected);
    }

    @Test
    void kinesisEnvelopesAreOpenedAndBrokenOnesRejectedWithTopicPartitionAndOffset()
            throws Exception {
        Configuration conf = conf("lake");
        conf.set(WeblogsOptions.FORMAT, LineRecordFormat.KINESIS_JSON);
        List<String> lines = lines(files.subList(0, 1));
        List<String> records = new ArrayList<>();
        for (String line : lines) {
            records.add(
                    "{\"Data\":\""
                            + Base64.getEncoder()
                                    .encodeToString(line.getBytes(StandardCharsets.UTF_8))
                            + "\",\"PartitionKey\":\"p\",\"SequenceNumber\":\""
                            + records.size()
                            + "\"}");
        }
        records.add(
                "{\"Data\":\"%%% not base64 %%%\",\"PartitionKey\":\"p\"}"); // partition (n % 2),
        // offset n / 2
        KAFKA.sendLines(topic, records);
        run(conf, PipelineMode.STREAMING);

        Lake lake = new Lake(conf);
        assertThat(lake.count("bronze.weblogs_raw")).isEqualTo(lines.size() + 1);
        int n = lines.size();
        assertThat(
                        lake.rows(
                                "SELECT source_file, line_number, reason, raw_line FROM silver.weblogs_rejects"
                                        + " WHERE reason LIKE 'Kinesis%'"))
                .containsExactly(
                        "kafka:"
                                + topic
                                + "/"
                                + (n % 2)
                                + ","
                                + (n / 2)
                                + ",Kinesis record Data is not base64: Illegal base64 character 25,"
                                + records.get(n));
        Configuration reference = conf("reference");
        land(reference, files.subList(0, 1));
        run(reference, PipelineMode.BATCH);
        assertThat(
                        lake.rows(
                                "SELECT client_ip, ts, endpoint, status, `bytes` FROM silver.weblogs_requests"
                                        + " ORDER BY ts, client_ip, endpoint, status, `bytes`"))
                .as("the lines inside the envelopes, parsed as from a file")
                .isEqualTo(
                        new Lake(reference)
                                .rows(
                                        "SELECT client_ip, ts, endpoint, status, `bytes`"
                                                + " FROM silver.weblogs_requests ORDER BY ts, client_ip, endpoint, status, `bytes`"));
    }

    @Test
    void kinesisRowsNameTheirShardAndSequenceNumberAndABadRecordIsRejected() throws Exception {
        Configuration conf = conf("lake", StreamSource.KINESIS);
        List<String> lines = lines(files.subList(0, 1));
        List<String> records = new ArrayList<>(lines);
        records.add(lines.get(0) + "\n" + lines.get(1));
        KINESIS.sendLines(topic, records);
        run(conf, PipelineMode.STREAMING);

        Lake lake = new Lake(conf);
        String shardAndSequence =
                "source_file LIKE 'kinesis:"
                        + topic
                        + "/shardId-%' AND REGEXP(source_file, '/shardId-[0-9]{12}/[0-9]{20,}$')"
                        + " AND line_number = 0";
        assertThat(lake.rows("SELECT COUNT(*) FROM bronze.weblogs_raw WHERE " + shardAndSequence))
                .containsExactly(String.valueOf(records.size()));
        assertThat(
                        lake.rows(
                                "SELECT reason FROM silver.weblogs_rejects WHERE "
                                        + shardAndSequence
                                        + " AND reason = 'record holds more than one line'"))
                .hasSize(1);
        assertThat(lake.count("silver.weblogs_requests") + lake.count("silver.weblogs_rejects"))
                .isEqualTo(records.size());
    }
}

package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.BurstFeed;
import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.command.TableWatch;
import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.NamedQuery;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Option;

/**
 * The demo's streaming part for web logs: the weblogs job on the embedded broker, a day of lines
 * after the backfilled week sent in bursts, and the tables watched until gold counts every line
 * bronze holds — the backfilled ones and the streamed ones in the same tables.
 */
@Internal
public final class WeblogsStreamingDemo implements DemoStep {
    private static final int PARTITIONS = 2;
    private static final int BURSTS = 10;

    @Option(
            names = "--stream-lines",
            defaultValue = "20000",
            description =
                    "Log lines to stream through Kafka after the backfill (default: ${DEFAULT-VALUE}).")
    long lines;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<String> tablePrefixes() {
        return List.of(WeblogsPipeline.NAME + "_");
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        Configuration streaming = demo.streamingConf();
        String topic = streaming.get(WeblogsOptions.TOPIC);
        demo.kafka().createTopic(topic, PARTITIONS);
        demo.section("Streaming web logs: the same tables kept current from Kafka");
        JobClient job = new PipelineRunner(streaming, demo.out()).start(new WeblogsPipeline());
        try {
            demo.out()
                    .printf(
                            "  Started the weblogs streaming job on topic %s (checkpoint, and so commit, every %d s)%n",
                            topic,
                            streaming
                                    .get(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL)
                                    .toSeconds());
            List<String> day = new WeblogGenerator(7).day(lines, 7);
            demo.out().printf("  Sending %,d log lines in %d bursts%n", day.size(), BURSTS);
            TableEnvironment tEnv = LakeQuery.environment(streaming);
            // Caught up only once bronze holds every line sent: gold equal to a bronze that is
            // still one burst short would stop the job before its last commit.
            long expected = backfilled(tEnv) + day.size();
            CompletableFuture<Void> feed =
                    BurstFeed.start(
                            demo.kafka().bootstrapServers(), topic, PARTITIONS, day, BURSTS);
            new TableWatch(
                            tEnv,
                            demo.out(),
                            List.of(
                                    "bronze lines",
                                    "gold requests",
                                    "gold rejected",
                                    "distinct IPs"),
                            "SELECT (SELECT COUNT(*) FROM bronze.weblogs_raw),"
                                    + " (SELECT COALESCE(MAX(total_requests), 0) FROM gold.weblogs_summary),"
                                    + " (SELECT COALESCE(MAX(rejected_lines), 0) FROM gold.weblogs_summary),"
                                    + " (SELECT COALESCE(MAX(distinct_client_ips), 0) FROM gold.weblogs_summary)")
                    .until(
                            feed,
                            s ->
                                    number(s.get(0)) == expected
                                            && number(s.get(1)) + number(s.get(2))
                                                    == number(s.get(0)));
        } finally {
            job.cancel().get();
        }
        demo.out().println();
        demo.out().println("Summary after the stream (compare with the backfill's above)");
        ResultPrinter.printTable(
                demo.out(),
                LakeQuery.run(
                        LakeQuery.environment(demo.conf()),
                        NamedQuery.load(WeblogsPipeline.class, "summary").sql()));
    }

    /** The lines bronze held before the stream: the backfill's, read from landing. */
    private static long backfilled(TableEnvironment tEnv) throws Exception {
        return number(
                LakeQuery.run(tEnv, "SELECT COUNT(*) FROM bronze.weblogs_raw")
                        .rows()
                        .get(0)
                        .get(0));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}

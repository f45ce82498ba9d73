package io.tributary.pipelines.weblogs.command;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.connector.delta.DeltaTableReader;
import io.tributary.connector.kinesis.local.Kinesalite;
import io.tributary.connector.kinesis.local.LocalStreams;
import io.tributary.pipelines.command.Freshness;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.command.SteadyFeed;
import io.tributary.pipelines.demo.EmbeddedKafka;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.streams.KinesisSources;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleFunction;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.data.RowData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The streaming benchmark of the web-log job, against an embedded Kafka broker (or a local
 * kinesalite, throughput only) and a local lake.
 *
 * <p><b>Throughput:</b> a topic is filled with N lines first (not timed), then the streaming job
 * reads it with {@code --bounded}: Kafka → bronze → silver → every gold table, committing every
 * checkpoint. Reported: N over the whole run (planning and start-up included) and the sustained
 * rate between the first and the last bronze commit.
 *
 * <p><b>Freshness:</b> the job runs unbounded while lines arrive at a steady rate; an event's
 * freshness is the time from its hand-over to the producer to the moment {@code
 * gold.weblogs_summary} (requests + rejected lines) counts it, as a reader polling the table sees
 * it. Events are counted in the order they were sent, which the two partitions follow to within one
 * poll.
 */
@Internal
final class WeblogsStreamingBench {
    private static final String SUMMARY = "gold/weblogs_summary";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final int PARTITIONS = 2;

    private final Configuration conf;
    private final Path dir;
    private final PrintStream out;

    WeblogsStreamingBench(Configuration conf, Path dir, PrintStream out) {
        this.conf = conf;
        this.dir = dir;
        this.out = out;
    }

    void run(long events, int rate, Duration duration, Duration warmUp) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            out.printf(
                    "Embedded Kafka broker on %s; checkpoint interval %d s; parallelism %d on %d cores%n%n",
                    kafka.bootstrapServers(),
                    interval().toSeconds(),
                    conf.get(TributaryOptions.PARALLELISM),
                    Runtime.getRuntime().availableProcessors());
            String topic = "bench.throughput";
            kafka.createTopic(topic, PARTITIONS);
            List<List<Object>> results = new ArrayList<>();
            results.addAll(
                    throughput(
                            events,
                            topic,
                            () -> fillTopic(kafka, topic, events),
                            jobConf(kafka, topic, "throughput"),
                            sustained ->
                                    "≥ 50,000 events/s — "
                                            + (sustained >= 50_000 ? "met" : "not met")));
            results.addAll(freshness(kafka, rate, duration, warmUp));
            print(results);
        }
    }

    /**
     * Throughput only, from a Kinesis stream of {@value #PARTITIONS} shards on a local kinesalite
     * (a real Kinesis API in Node.js, whose own speed bounds the figure).
     */
    void runKinesis(long events) throws Exception {
        try (Kinesalite kinesalite = Kinesalite.start();
                LocalStreams streams = new LocalStreams(kinesalite.endpoint())) {
            out.printf(
                    "kinesalite %s on %s; checkpoint interval %d s; parallelism %d on %d cores%n%n",
                    Kinesalite.VERSION,
                    kinesalite.endpoint(),
                    interval().toSeconds(),
                    conf.get(TributaryOptions.PARALLELISM),
                    Runtime.getRuntime().availableProcessors());
            String stream = "bench-throughput";
            streams.create(stream, PARTITIONS);
            Configuration job = jobConf(null, stream, "throughput-kinesis");
            job.set(WeblogsOptions.SOURCE, StreamSource.KINESIS);
            job.set(WeblogsOptions.STREAM, stream);
            KinesisSources.localSettings(kinesalite.endpoint()).forEach(job::setString);
            List<List<Object>> results =
                    throughput(
                            events,
                            stream,
                            () -> fillStream(streams, stream, events),
                            job,
                            sustained -> "bounded by kinesalite (below)");
            long start = System.nanoTime();
            long read = streams.readAll(stream);
            double alone = seconds(start);
            results.add(
                    List.of(
                            "kinesalite alone: one GetRecords loop over the shards",
                            String.format("%,.0f records/s", read / alone),
                            "the ceiling on this machine"));
            print(results);
        }
    }

    private void print(List<List<Object>> results) {
        out.println();
        ResultPrinter.print(
                out, List.of("measure", "result", "target"), results, ResultPrinter.Format.TABLE);
    }

    private Duration interval() {
        return conf.get(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL);
    }

    private static void fillTopic(EmbeddedKafka kafka, String topic, long events) {
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            Iterator<String> lines = new WeblogGenerator(42).lines(events, 0);
            for (long i = 0; lines.hasNext(); i++) {
                producer.send(
                        new ProducerRecord<>(topic, (int) (i % PARTITIONS), null, lines.next()));
            }
            producer.flush();
        }
    }

    private static void fillStream(LocalStreams streams, String stream, long events) {
        Iterator<String> lines = new WeblogGenerator(42).lines(events, 0);
        List<Map.Entry<String, byte[]>> batch = new ArrayList<>();
        for (long i = 0; lines.hasNext(); i++) {
            batch.add(
                    new AbstractMap.SimpleEntry<>(
                            Long.toString(i), lines.next().getBytes(StandardCharsets.UTF_8)));
            if (batch.size() == 500 || !lines.hasNext()) {
                streams.put(stream, batch);
                batch.clear();
            }
        }
    }

    /**
     * Fills the feed (not timed), then runs the job {@code --bounded} over it and reports the whole
     * run and the sustained rate between the first and the last bronze commit.
     */
    private List<List<Object>> throughput(
            long events,
            String feed,
            Runnable fill,
            Configuration job,
            DoubleFunction<String> sustainedTarget)
            throws Exception {
        out.printf("Throughput: filling %s with %,d lines…%n", feed, events);
        long fillStart = System.nanoTime();
        fill.run();
        out.printf("  filled in %.1f s; now the job reads it (--bounded)%n", seconds(fillStart));

        job.set(TributaryOptions.STREAMING_BOUNDED, true);
        String bronze = job.get(TributaryOptions.LAKE_ROOT) + "/bronze/weblogs_raw";
        List<long[]> commits = new ArrayList<>();
        CompletableFuture<Void> watcher =
                CompletableFuture.runAsync(() -> watchRows(bronze, events, commits));
        long start = System.nanoTime();
        new PipelineRunner(job, quiet()).run(new WeblogsPipeline(), PipelineMode.STREAMING);
        double wall = seconds(start);
        watcher.join();
        long committed = DeltaTableInfo.load(bronze, Map.of()).map(DeltaTableInfo::rows).orElse(0L);
        if (committed != events) {
            throw new IllegalStateException(
                    "bronze holds " + committed + " lines after the run, not " + events);
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(
                List.of("lines through bronze, silver and gold", String.format("%,d", events), ""));
        rows.add(
                List.of(
                        "wall time of the bounded run (start-up included)",
                        String.format("%.1f s", wall),
                        ""));
        rows.add(
                List.of(
                        "throughput, whole run",
                        String.format("%,.0f events/s", events / wall),
                        ""));
        if (commits.size() >= 2) {
            long[] first = commits.get(0);
            long[] last = commits.get(commits.size() - 1);
            double sustained = (last[1] - first[1]) / ((last[0] - first[0]) / 1e9);
            rows.add(
                    List.of(
                            String.format("sustained, first to last of %d commits", commits.size()),
                            String.format("%,.0f events/s", sustained),
                            sustainedTarget.apply(sustained)));
        }
        out.printf("  done in %.1f s: %,.0f events/s%n", wall, events / wall);
        return rows;
    }

    /** Samples the table's row count until it holds {@code expected} rows; a sample per change. */
    private static void watchRows(String table, long expected, List<long[]> commits) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long seen = 0;
        while (seen < expected && System.nanoTime() < deadline) {
            long rows = DeltaTableInfo.load(table, Map.of()).map(DeltaTableInfo::rows).orElse(0L);
            if (rows > seen) {
                seen = rows;
                commits.add(new long[] {System.nanoTime(), rows});
            }
            pause();
        }
    }

    private List<List<Object>> freshness(
            EmbeddedKafka kafka, int rate, Duration duration, Duration warmUp) throws Exception {
        String topic = "bench.freshness";
        kafka.createTopic(topic, PARTITIONS);
        Configuration job = jobConf(kafka, topic, "freshness");
        String summary = job.get(TributaryOptions.LAKE_ROOT) + "/" + SUMMARY;
        int total = (int) Math.min(Integer.MAX_VALUE, rate * duration.toSeconds());
        out.printf(
                "%nFreshness: %,d lines/s for %d s (%,d lines) into a running job…%n",
                rate, duration.toSeconds(), total);
        JobClient client = new PipelineRunner(job, quiet()).start(new WeblogsPipeline());
        try {
            Iterator<String> lines = new WeblogGenerator(43).lines(total, 1);
            SteadyFeed feed =
                    SteadyFeed.start(
                            kafka.bootstrapServers(),
                            topic,
                            PARTITIONS,
                            rate,
                            total,
                            i -> lines.next());
            long[] sentAt = feed.sentAt;
            AtomicInteger sent = feed.sent;
            long[] visibleAfter = new long[total];
            int counted = 0;
            long deadline = System.nanoTime() + duration.toNanos() + PATIENCE.toNanos();
            long version = -1;
            while (counted < total && System.nanoTime() < deadline) {
                Optional<DeltaTableReader.Contents> contents =
                        DeltaTableReader.read(summary, Map.of());
                long now = System.nanoTime();
                if (contents.isPresent() && contents.get().version() != version) {
                    version = contents.get().version();
                    int visible = (int) Math.min(linesCounted(contents.get()), sent.get());
                    for (; counted < visible; counted++) {
                        visibleAfter[counted] = now - sentAt[counted];
                    }
                }
                pause();
            }
            feed.join();
            if (counted < total) {
                throw new IllegalStateException(
                        "gold counts "
                                + counted
                                + " of "
                                + total
                                + " lines after "
                                + PATIENCE.toMinutes()
                                + " minutes");
            }
            return Freshness.rows(sentAt, visibleAfter, warmUp, rate, interval());
        } finally {
            client.cancel().get();
        }
    }

    private static long linesCounted(DeltaTableReader.Contents summary) {
        long lines = 0;
        for (RowData row : summary.rows()) {
            lines +=
                    row.getLong(summary.column("total_requests"))
                            + row.getLong(summary.column("rejected_lines"));
        }
        return lines;
    }

    /** The job's settings; {@code kafka} null for a Kinesis run. */
    private Configuration jobConf(EmbeddedKafka kafka, String topic, String name) {
        Configuration job = new Configuration(conf);
        if (kafka != null) {
            job.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        }
        job.set(WeblogsOptions.TOPIC, topic);
        job.set(TributaryOptions.LAKE_ROOT, dir.resolve(name).resolve("lake").toString());
        job.set(TributaryOptions.LANDING_ROOT, dir.resolve(name).resolve("landing").toString());
        return job;
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
        return SteadyFeed.producer(kafka.bootstrapServers());
    }

    /** The runner's own progress lines would interleave with the benchmark's. */
    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void pause() {
        LockSupport.parkNanos(POLL.toNanos());
    }
}

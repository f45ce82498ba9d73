package io.tributary.pipelines.cli;

import io.tributary.pipelines.cdc.CdcOptions;
import io.tributary.pipelines.cdc.CdcPipeline;
import io.tributary.pipelines.demo.EmbeddedKafka;
import io.tributary.pipelines.demo.OrderChangeScript;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's streaming half: an embedded Kafka broker, the weblogs and CDC jobs running against it,
 * a burst of log lines (a day after the backfilled week) and order changes, and a running view of
 * the gold and silver tables as the jobs commit, until every event is in them.
 */
final class StreamingDemo {
    static final String ORDERS_TOPIC = "demo.shop.orders";
    /** Seed and key count of the order changes the demo streams. */
    static final long ORDER_SEED = 3;
    static final int ORDER_KEYS = 25;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final long WATCH_MILLIS = 3_000;
    private static final int BATCHES = 20;

    private final Configuration conf;
    private final PrintStream out;

    StreamingDemo(Configuration conf, PrintStream out) {
        this.conf = conf;
        this.out = out;
    }

    /** Streams {@code lines} log lines and {@code changes} order changes through both jobs. */
    void run(long lines, int changes) throws Exception {
        Path work = Files.createTempDirectory("tributary-demo-kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work)) {
            Configuration streaming = streamingConf(kafka, work);
            String linesTopic = streaming.get(WeblogsOptions.TOPIC);
            kafka.createTopic(linesTopic, 2);
            kafka.createTopic(ORDERS_TOPIC, 2);
            out.printf("  Embedded Kafka broker on %s: topics %s and %s%n", kafka.bootstrapServers(), linesTopic,
                    ORDERS_TOPIC);
            PipelineRunner runner = new PipelineRunner(streaming, out);
            List<JobClient> jobs = new ArrayList<>();
            try {
                jobs.add(runner.start(new WeblogsPipeline()));
                jobs.add(runner.start(CdcPipeline.fromConfig(streaming)));
                out.println("  Started the weblogs and cdc streaming jobs (checkpoint, and so commit, every "
                        + streaming.get(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL).toSeconds() + " s)");
                List<String> logLines = new WeblogGenerator(7).day(lines, 7);
                List<String> orderEvents = OrderChangeScript.script(ORDER_SEED, ORDER_KEYS, changes).stream()
                        .map(OrderChangeScript.Change::debezium).collect(Collectors.toList());
                out.printf("  Sending %,d log lines and %,d order changes (Debezium JSON) in %d bursts%n",
                        logLines.size(), orderEvents.size(), BATCHES);
                CompletableFuture<Void> feed = feed(kafka.bootstrapServers(), Map.of(linesTopic, logLines,
                        ORDERS_TOPIC, orderEvents));
                watch(streaming, feed, orderEvents.size());
            } finally {
                for (JobClient job : jobs) {
                    job.cancel().get();
                }
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private Configuration streamingConf(EmbeddedKafka kafka, Path work) throws IOException {
        Configuration streaming = new Configuration(conf);
        streaming.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        if (!conf.contains(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL)) {
            streaming.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofSeconds(2));
        }
        Path tables = Files.writeString(work.resolve("cdc-tables.yaml"), "tables:\n"
                + "  - source: public.orders\n    domain: shop\n    topic: " + ORDERS_TOPIC + "\n"
                + "    format: debezium-json\n    primary-key: [id]\n    history: true\n"
                + "    columns:\n      " + OrderChangeScript.COLUMNS + "\n");
        streaming.set(CdcOptions.TABLES_FILE, tables.toString());
        return streaming;
    }

    /** Sends every topic's values in {@link #BATCHES} bursts, a second apart, as live sources would. */
    private static CompletableFuture<Void> feed(String bootstrapServers, Map<String, List<String>> values) {
        return CompletableFuture.runAsync(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                for (int batch = 0; batch < BATCHES; batch++) {
                    for (Map.Entry<String, List<String>> topic : values.entrySet()) {
                        List<String> all = topic.getValue();
                        int from = all.size() * batch / BATCHES;
                        int to = all.size() * (batch + 1) / BATCHES;
                        for (int i = from; i < to; i++) {
                            producer.send(new ProducerRecord<>(topic.getKey(), i % 2, null, all.get(i)));
                        }
                    }
                    producer.flush();
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Prints what the tables hold every few seconds until the feed is done and the tables agree
     * with each other: gold counts every line bronze holds, and the CDC history's current versions
     * are the current-state table.
     */
    private void watch(Configuration streaming, CompletableFuture<Void> feed, int orderEvents) throws Exception {
        TableEnvironment tEnv = LakeQuery.environment(streaming);
        List<List<Object>> rows = new ArrayList<>();
        List<String> columns = List.of("elapsed", "bronze lines", "gold requests", "gold rejected", "distinct IPs",
                "order events", "orders now", "order versions");
        long start = System.nanoTime();
        while (true) {
            List<Object> snapshot = LakeQuery.run(tEnv, "SELECT"
                    + " (SELECT COUNT(*) FROM bronze.weblogs_raw),"
                    + " (SELECT COALESCE(MAX(total_requests), 0) FROM gold.weblogs_summary),"
                    + " (SELECT COALESCE(MAX(rejected_lines), 0) FROM gold.weblogs_summary),"
                    + " (SELECT COALESCE(MAX(distinct_client_ips), 0) FROM gold.weblogs_summary),"
                    + " (SELECT COUNT(*) FROM bronze.cdc_orders),"
                    + " (SELECT COUNT(*) FROM silver.shop_orders),"
                    + " (SELECT COUNT(*) FROM silver.shop_orders_history)").rows.get(0);
            long seconds = Math.round((System.nanoTime() - start) / 1e9);
            List<Object> row = new ArrayList<>();
            row.add(seconds);
            row.addAll(snapshot);
            rows.add(row);
            out.printf("  %3d s: bronze %,d lines · gold %,d requests, %,d rejected, %,d IPs · %,d order events →"
                    + " %,d orders, %,d versions%n", row.toArray());
            long bronze = (Long) snapshot.get(0);
            boolean goldCaughtUp = ((Number) snapshot.get(1)).longValue() + ((Number) snapshot.get(2)).longValue() == bronze;
            boolean ordersCaughtUp = (Long) snapshot.get(4) == orderEvents && currentVersions(tEnv) == (Long) snapshot.get(5);
            if (feed.isDone() && goldCaughtUp && ordersCaughtUp) {
                break;
            }
            if (seconds > PATIENCE.toSeconds()) {
                out.println("  The jobs did not catch up within " + PATIENCE.toMinutes() + " minutes; stopping them.");
                break;
            }
            Thread.sleep(WATCH_MILLIS);
        }
        out.println();
        out.println("How the tables grew as the jobs committed");
        ResultPrinter.print(out, columns, rows, ResultPrinter.Format.TABLE);
    }

    private static long currentVersions(TableEnvironment tEnv) throws Exception {
        return (Long) LakeQuery.run(tEnv, "SELECT COUNT(*) FROM silver.shop_orders_history WHERE is_current")
                .rows.get(0).get(0);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package io.tributary.pipelines.retail.command;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.connector.delta.DeltaTableReader;
import io.tributary.pipelines.command.Freshness;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.command.SteadyFeed;
import io.tributary.pipelines.demo.EmbeddedKafka;
import io.tributary.pipelines.retail.RetailOptions;
import io.tributary.pipelines.retail.RetailPipeline;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;

/**
 * How soon a person's recommendation reflects a new event: a generated shop is backfilled, the
 * streaming job started on it (its live model learns the history from silver), and then, at a
 * steady rate, events of known persons with items they had not seen are sent to the topic. An
 * event's freshness is the time from its hand-over to the producer to the moment a poller sees the
 * first version of {@code gold.retail_recommendations} whose row for the person lists the item
 * among {@code items_seen} — that row is the person's recommendation recomputed with the event.
 * (The poller notes the moment it sees a new version, before it reads the version's rows.)
 */
@Internal
final class RetailStreamingBench {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final int PARTITIONS = 2;

    private final Configuration conf;
    private final Path dir;
    private final PrintStream out;

    RetailStreamingBench(Configuration conf, Path dir, PrintStream out) {
        this.conf = conf;
        this.dir = dir;
        this.out = out;
    }

    void run(
            long events,
            int persons,
            int items,
            int days,
            int rate,
            Duration duration,
            Duration warmUp)
            throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            String topic = "bench.retail";
            kafka.createTopic(topic, PARTITIONS);
            Configuration job = new Configuration(conf);
            job.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            job.set(RetailOptions.TOPIC, topic);
            job.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
            job.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
            out.printf(
                    "Backfilling %,d generated events of %,d persons and %,d items…%n",
                    events, persons, items);
            RetailBenchCommand.generateShop(dir, events, persons, items, days);
            new PipelineRunner(job, quiet()).run(new RetailPipeline(job), PipelineMode.BATCH);
            String table = job.get(TributaryOptions.LAKE_ROOT) + "/gold/retail_recommendations";
            long backfilled = DeltaTableReader.read(table, Map.of()).orElseThrow().version();

            out.printf(
                    "Starting the streaming job (checkpoint interval %d s) and waiting for its model…%n",
                    job.get(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL).toSeconds());
            long start = System.nanoTime();
            JobClient client = new PipelineRunner(job, quiet()).start(new RetailPipeline(job));
            try {
                DeltaTableReader.Contents learnt = awaitVersionAfter(table, backfilled);
                double startUp = (System.nanoTime() - start) / 1e9;
                int total = (int) Math.min(Integer.MAX_VALUE, rate * duration.toSeconds());
                out.printf(
                        "  model learnt after %.1f s; sending %,d new interactions/s for %d s…%n",
                        startUp, rate, duration.toSeconds());
                AtomicReference<long[]> sentAt = new AtomicReference<>();
                long[] latencies = probe(kafka, topic, table, learnt, items, rate, total, sentAt);
                List<List<Object>> rows = new ArrayList<>();
                rows.add(List.of("history backfilled", String.format("%,d events", events), ""));
                rows.add(
                        List.of(
                                "start-up until the model is in gold",
                                String.format("%.1f s", startUp),
                                ""));
                rows.addAll(
                        Freshness.rows(
                                sentAt.get(),
                                latencies,
                                warmUp,
                                rate,
                                job.get(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL)));
                out.println();
                ResultPrinter.print(
                        out,
                        List.of("measure", "result", "target"),
                        rows,
                        ResultPrinter.Format.TABLE);
            } finally {
                client.cancel().get();
            }
        }
    }

    /** Sends {@code total} new interactions and returns each one's time until gold showed it. */
    private long[] probe(
            EmbeddedKafka kafka,
            String topic,
            String table,
            DeltaTableReader.Contents learnt,
            int items,
            int rate,
            int total,
            AtomicReference<long[]> sentAt) {
        Map<String, Set<String>> seen = itemsSeen(learnt, null);
        List<String> persons = new ArrayList<>(seen.keySet());
        persons.sort(null);
        Random random = new Random(7);
        String[][] probes = new String[total][];
        for (int i = 0; i < total; i++) {
            String person = persons.get(random.nextInt(persons.size()));
            String item;
            do {
                item = "item-" + random.nextInt(items);
            } while (!seen.get(person).add(item));
            probes[i] = new String[] {person, item};
        }
        SteadyFeed feed =
                SteadyFeed.start(
                        kafka.bootstrapServers(),
                        topic,
                        PARTITIONS,
                        rate,
                        total,
                        i -> event(i, probes[i]));
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        int shown = 0;
        long version = learnt.version();
        long deadline =
                System.nanoTime() + PATIENCE.toNanos() + (long) (total / (double) rate * 1e9);
        while (shown < total && System.nanoTime() < deadline) {
            // A version is shown when the poller sees it; reading its rows comes after.
            Optional<DeltaTableInfo> latest = DeltaTableInfo.load(table, Map.of());
            long noticed = System.nanoTime();
            if (latest.isPresent() && latest.get().version() != version) {
                Optional<DeltaTableReader.Contents> contents =
                        DeltaTableReader.read(table, Map.of());
                // a newer version than the one seen counts from when it was read
                long now =
                        contents.get().version() == latest.get().version()
                                ? noticed
                                : System.nanoTime();
                version = contents.get().version();
                int upTo = feed.sent.get();
                Set<String> pending = new HashSet<>();
                for (int i = 0; i < upTo; i++) {
                    if (latency[i] < 0) {
                        pending.add(probes[i][0]);
                    }
                }
                Map<String, Set<String>> shownSeen = itemsSeen(contents.get(), pending);
                for (int i = 0; i < upTo; i++) {
                    Set<String> s = shownSeen.get(probes[i][0]);
                    if (latency[i] < 0 && s != null && s.contains(probes[i][1])) {
                        latency[i] = now - feed.sentAt[i];
                        shown++;
                    }
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        feed.join();
        sentAt.set(feed.sentAt);
        if (shown < total) {
            throw new IllegalStateException(
                    "gold shows " + shown + " of " + total + " new interactions after waiting");
        }
        return latency;
    }

    /** Each person's items_seen in a version of the table (of {@code only}, when given). */
    private static Map<String, Set<String>> itemsSeen(
            DeltaTableReader.Contents contents, Set<String> only) {
        int person = contents.column("person_id");
        int seenColumn = contents.column("items_seen");
        Map<String, Set<String>> seen = new HashMap<>();
        for (RowData row : contents.rows()) {
            String id = row.getString(person).toString();
            if (only != null && !only.contains(id)) {
                continue;
            }
            Set<String> items = new HashSet<>();
            ArrayData array = row.isNullAt(seenColumn) ? null : row.getArray(seenColumn);
            for (int k = 0; array != null && k < array.size(); k++) {
                items.add(array.getString(k).toString());
            }
            seen.put(id, items);
        }
        return seen;
    }

    private static DeltaTableReader.Contents awaitVersionAfter(String table, long version) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DeltaTableReader.Contents> contents = DeltaTableReader.read(table, Map.of());
            if (contents.isPresent() && contents.get().version() > version) {
                return contents.get();
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new IllegalStateException(
                "the streaming job wrote no recommendations within "
                        + PATIENCE.toMinutes()
                        + " min");
    }

    private static String event(int i, String[] probe) {
        return "{\"event_id\":\"probe-"
                + i
                + "\",\"person_id\":\""
                + probe[0]
                + "\",\"item_id\":\""
                + probe[1]
                + "\",\"item_category\":\"probe\",\"event_time\":\""
                + OffsetDateTime.now(ZoneOffset.UTC)
                + "\",\"purchased\":false,\"price\":1.00}";
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}

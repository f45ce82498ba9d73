package io.tributary.connector.kinesis;

import static io.tributary.connector.kinesis.testutils.ShardRecordLines.dataOf;
import static io.tributary.connector.kinesis.testutils.ShardRecordLines.sequenceOf;
import static io.tributary.connector.kinesis.testutils.ShardRecordLines.shardOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.kinesis.local.Kinesalite;
import io.tributary.connector.kinesis.testutils.FaultyKinesisProxy;
import io.tributary.connector.kinesis.testutils.LocalKinesis;
import io.tributary.connector.kinesis.testutils.ShardRecordLines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source against a real Kinesis API (kinesalite): resharding, throttling, failover. */
class KinesisSourceITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @RegisterExtension static final LocalKinesis KINESIS = new LocalKinesis();

    @Test
    void readsParentsBeforeChildrenSoEachKeyStaysInOrder() throws Exception {
        String stream = "resharded";
        KINESIS.streams().create(stream, 4);
        List<String> sent = new ArrayList<>();
        put(stream, 0, 200, sent);
        KINESIS.streams().split(stream, "shardId-000000000000");
        put(stream, 200, 400, sent);
        KINESIS.streams().merge(stream, "shardId-000000000002", "shardId-000000000003");
        put(stream, 400, 600, sent);

        // One reader, five records a call: a child read beside its parent would interleave them.
        List<String> read =
                collect(
                        1,
                        source(stream, KINESIS.endpoint())
                                .initialPosition(InitialPosition.TRIM_HORIZON)
                                .configure(maxRecords(5)),
                        sent.size());

        assertThat(read).extracting(l -> dataOf(l)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(read)
                .extracting(l -> shardOf(l))
                .contains("shardId-000000000004", "shardId-000000000005", "shardId-000000000006");
        assertKeysInOrder(read);
        assertShardsInOrder(read);
    }

    @Test
    void aBoundedReadEndsAfterTheRecordsPresentAtItsStart() throws Exception {
        String stream = "bounded";
        KINESIS.streams().create(stream, 3);
        List<String> sent = new ArrayList<>();
        put(stream, 0, 120, sent);

        // The job must end by itself: collect() reads until the iterator runs dry.
        List<String> read =
                collect(
                        2,
                        source(stream, KINESIS.endpoint())
                                .initialPosition(InitialPosition.TRIM_HORIZON)
                                .bounded(true),
                        Integer.MAX_VALUE);

        assertThat(read).extracting(l -> dataOf(l)).containsExactlyInAnyOrderElementsOf(sent);
        assertShardsInOrder(read);
    }

    @Test
    void anAtTimestampStartReadsTheRecordsThatArrivedFromThen() throws Exception {
        String stream = "from-a-time";
        KINESIS.streams().create(stream, 2);
        put(stream, 0, 60, new ArrayList<>());
        // Just after the last arrival of the first batch, by the server's clock.
        Instant lastArrival = KINESIS.streams().lastArrival(stream);
        List<String> later = new ArrayList<>();
        put(stream, 60, 120, later);

        List<String> read =
                collect(
                        2,
                        source(stream, KINESIS.endpoint())
                                .initialTimestamp(lastArrival.plusMillis(1))
                                .bounded(true),
                        Integer.MAX_VALUE);

        assertThat(read).extracting(l -> dataOf(l)).containsExactlyInAnyOrderElementsOf(later);
    }

    @Test
    void followsSplitsAndMergesWhileRunningDespiteThrottlingAndExpiredIterators() throws Exception {
        String stream = "live";
        KINESIS.streams().create(stream, 4);
        List<String> sent = new ArrayList<>();
        try (FaultyKinesisProxy proxy = new FaultyKinesisProxy(KINESIS.endpoint(), 4, 7)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            KinesisSource<String> source =
                    source(stream, proxy.endpoint())
                            .initialPosition(InitialPosition.TRIM_HORIZON)
                            .configure(maxRecords(20))
                            .build();
            List<String> read = new ArrayList<>();
            try (CloseableIterator<String> it =
                    env.fromSource(source, WatermarkStrategy.noWatermarks(), "kinesis")
                            .executeAndCollect("live reshard")) {
                put(stream, 0, 150, sent);
                take(it, 150, read);
                KINESIS.streams().split(stream, "shardId-000000000001");
                put(stream, 150, 300, sent);
                take(it, 150, read);
                KINESIS.streams().merge(stream, "shardId-000000000002", "shardId-000000000003");
                put(stream, 300, 450, sent);
                take(it, 150, read);
            }
            assertThat(read).extracting(l -> dataOf(l)).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(read)
                    .extracting(l -> shardOf(l))
                    .contains(
                            "shardId-000000000004", "shardId-000000000005", "shardId-000000000006");
            assertShardsInOrder(read);
            assertThat(proxy.throttled()).isPositive();
            assertThat(proxy.expired()).isPositive();
        }
    }

    @Test
    void aFailedJobResumesFromItsCheckpointWithEveryRecordOnce() throws Exception {
        String stream = "failover";
        KINESIS.streams().create(stream, 4);
        List<String> sent = new ArrayList<>();
        put(stream, 0, 400, sent);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 100));
        FailOnce.failed.set(false);
        KinesisSource<String> source =
                source(stream, KINESIS.endpoint())
                        .initialPosition(InitialPosition.TRIM_HORIZON)
                        .configure(maxRecords(10))
                        .build();
        List<String> read = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "kinesis")
                        .map(new FailOnce(150))
                        .executeAndCollect("failover")) {
            take(it, 400, read);
        }
        assertThat(FailOnce.failed).isTrue();
        // With checkpointing the collected results are those of completed checkpoints only: a
        // record read twice (before the failure and after the restore) would show up twice.
        assertThat(read).extracting(l -> dataOf(l)).containsExactlyInAnyOrderElementsOf(sent);
    }

    /** Fails the job once, after the first {@code after} records of a subtask. */
    private static final class FailOnce implements MapFunction<String, String> {
        static final AtomicBoolean failed = new AtomicBoolean();
        private final int after;
        private int seen;

        FailOnce(int after) {
            this.after = after;
        }

        @Override
        public String map(String line) {
            if (++seen >= after / 2 && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("failing once on purpose");
            }
            return line;
        }
    }

    private static KinesisSource.Builder<String> source(String stream, String endpoint) {
        return KinesisSource.<String>builder()
                .streamName(stream)
                .endpoint(endpoint)
                .region(Kinesalite.REGION)
                .credentials(Kinesalite.ACCESS_KEY_ID, Kinesalite.SECRET_ACCESS_KEY)
                .configure(fastDiscovery())
                .deserializer(new ShardRecordLines());
    }

    private static Configuration fastDiscovery() {
        Configuration conf = new Configuration();
        conf.set(KinesisSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(100));
        conf.set(KinesisSourceOptions.EMPTY_RECORDS_FETCH_INTERVAL, Duration.ofMillis(20));
        return conf;
    }

    private static Configuration maxRecords(int max) {
        Configuration conf = new Configuration();
        conf.set(KinesisSourceOptions.MAX_RECORDS_PER_GET, max);
        return conf;
    }

    /** Records {@code k<i % 20>:<i>} for i in [from, to). */
    private static void put(String stream, int from, int to, List<String> sent) {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String data = "k" + (i % 20) + ":" + i;
            records.add(
                    new AbstractMap.SimpleEntry<>(
                            "k" + (i % 20), data.getBytes(StandardCharsets.UTF_8)));
            sent.add(data);
        }
        KINESIS.streams().put(stream, records);
    }

    private static List<String> collect(
            int parallelism, KinesisSource.Builder<String> source, int limit) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<String> read = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "kinesis")
                        .executeAndCollect("kinesis read")) {
            while (read.size() < limit && it.hasNext()) {
                read.add(it.next());
            }
        }
        return read;
    }

    private static void take(CloseableIterator<String> it, int count, List<String> into) {
        for (int i = 0; i < count; i++) {
            assertThat(it.hasNext()).as("record %d of %d", i + 1, count).isTrue();
            into.add(it.next());
        }
    }

    /** A key's records come out in the order they were put, across splits and merges. */
    private static void assertKeysInOrder(List<String> read) {
        Map<String, Integer> lastOfKey = new HashMap<>();
        for (String line : read) {
            String[] keyAndIndex = dataOf(line).split(":");
            int index = Integer.parseInt(keyAndIndex[1]);
            Integer last = lastOfKey.put(keyAndIndex[0], index);
            assertThat(last == null || last < index)
                    .as("%s after index %s of its key", line, last)
                    .isTrue();
        }
    }

    /** A shard's records come out in sequence-number order, none twice. */
    private static void assertShardsInOrder(List<String> read) {
        Map<String, String> lastOfShard = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String line : read) {
            assertThat(seen.add(shardOf(line) + " " + sequenceOf(line))).isTrue();
            String last = lastOfShard.put(shardOf(line), sequenceOf(line));
            assertThat(
                            last == null
                                    || ShardRecord.compareSequenceNumbers(last, sequenceOf(line))
                                            < 0)
                    .as("%s after %s", line, last)
                    .isTrue();
        }
        assertThat(new TreeSet<>(lastOfShard.keySet())).isNotEmpty();
    }
}

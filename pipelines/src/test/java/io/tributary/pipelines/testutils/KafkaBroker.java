package io.tributary.pipelines.testutils;

import io.tributary.pipelines.demo.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM Kafka broker (KRaft) for a test class: {@code @RegisterExtension static KafkaBroker}.
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback, LineFeed {
    private Path dir;
    private EmbeddedKafka kafka;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("tributary-kafka");
        kafka = EmbeddedKafka.start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        kafka.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public void createTopic(String topic, int partitions) {
        kafka.createTopic(topic, partitions);
    }

    /** Sends UTF-8 values, spread evenly over the topic's partitions. */
    @Override
    public void sendLines(String topic, List<String> values)
            throws ExecutionException, InterruptedException {
        send(
                topic,
                values.stream()
                        .map(v -> v.getBytes(StandardCharsets.UTF_8))
                        .collect(Collectors.toList()));
    }

    /**
     * Sends values and waits until every one is acknowledged. Records whose partition did not take
     * them in time (the in-JVM broker, starved of CPU by the jobs beside it, can leave a partition
     * without a leader for a while) are sent again by a new producer, a few times.
     */
    public void send(String topic, List<byte[]> values)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            deliver(producer, this::producer, topic, values, 0, values.size());
        }
    }

    /**
     * Sends UTF-8 values in the background, {@code perBatch} at a time, one batch every {@code
     * period}, as a live source would.
     */
    public Feed trickle(String topic, List<String> values, int perBatch, Duration period) {
        return new Feed(producer(), this::producer, topic, values, perBatch, period);
    }

    /** A background feed of one topic: how far it got, and when it is done. */
    public static final class Feed {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final AtomicInteger sent = new AtomicInteger();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        private Feed(
                KafkaProducer<byte[], byte[]> producer,
                Supplier<KafkaProducer<byte[], byte[]>> retries,
                String topic,
                List<String> values,
                int perBatch,
                Duration period) {
            List<byte[]> bytes =
                    values.stream()
                            .map(v -> v.getBytes(StandardCharsets.UTF_8))
                            .collect(Collectors.toList());
            timer.scheduleAtFixedRate(
                    () -> {
                        try {
                            int from = sent.get();
                            int until = Math.min(values.size(), from + perBatch);
                            deliver(producer, retries, topic, bytes, from, until);
                            if (sent.addAndGet(until - from) >= values.size()) {
                                finish(producer, null);
                            }
                        } catch (RuntimeException e) {
                            finish(producer, e);
                        }
                    },
                    0,
                    period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void finish(KafkaProducer<byte[], byte[]> producer, Throwable error) {
            timer.shutdown();
            producer.close();
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error);
            }
        }

        /** Values sent and acknowledged so far. */
        public int sent() {
            return sent.get();
        }

        public boolean isDone() {
            return done.isDone();
        }

        /** Waits for every value to be acknowledged. */
        public void await(Duration timeout) throws Exception {
            done.get(timeout.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /**
     * Sends {@code values[from, until)}, record {@code i} to partition {@code i} modulo the
     * partitions (Kafka's sticky partitioner would fill one at a time), and waits for every answer.
     * Records whose partition did not take them in time are sent again, a few times: the in-JVM
     * broker, starved of CPU by the jobs beside it, can leave a partition without a leader for a
     * while. They go through a new producer from {@code retries}: once a batch expired, the
     * idempotent producer restarts its sequence numbers, and the broker refuses the next batches of
     * that partition as out of order (refused, so not written). A record it never takes fails the
     * test.
     */
    private static void deliver(
            KafkaProducer<byte[], byte[]> producer,
            Supplier<KafkaProducer<byte[], byte[]>> retries,
            String topic,
            List<byte[]> values,
            int from,
            int until) {
        int partitions = producer.partitionsFor(topic).size();
        List<Integer> pending = new ArrayList<>();
        for (int i = from; i < until; i++) {
            pending.add(i);
        }
        List<KafkaProducer<byte[], byte[]>> opened = new ArrayList<>();
        try {
            KafkaProducer<byte[], byte[]> sender = producer;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 1) {
                    sender = retries.get();
                    opened.add(sender);
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (int i : pending) {
                    acks.add(
                            sender.send(
                                    new ProducerRecord<>(
                                            topic, i % partitions, null, values.get(i))));
                }
                sender.flush(); // returns when every send has ended, failed ones included
                pending = notTaken(topic, pending, acks, attempt < 4);
            }
        } finally {
            opened.forEach(KafkaProducer::close);
        }
    }

    /** The records of {@code pending} the broker did not take, to send again when {@code retry}. */
    private static List<Integer> notTaken(
            String topic, List<Integer> pending, List<Future<RecordMetadata>> acks, boolean retry) {
        List<Integer> again = new ArrayList<>();
        for (int n = 0; n < acks.size(); n++) {
            try {
                acks.get(n).get();
            } catch (ExecutionException e) {
                boolean refused =
                        e.getCause() instanceof TimeoutException
                                || e.getCause() instanceof OutOfOrderSequenceException;
                if (!retry || !refused) {
                    throw new IllegalStateException(
                            "Kafka did not take a record of " + topic + ": " + e.getCause(), e);
                }
                again.add(pending.get(n));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!again.isEmpty()) {
            System.err.printf(
                    "KafkaBroker: %d records of %s not taken; sending them again%n",
                    again.size(), topic);
        }
        return again;
    }
}

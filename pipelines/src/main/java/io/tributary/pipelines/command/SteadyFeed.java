package io.tributary.pipelines.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.apache.flink.annotation.Internal;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A freshness benchmark's source: {@code rate} values a second, in ten bursts a second, round-robin
 * over the topic's partitions, noting when each was handed over to the producer.
 */
@Internal
public final class SteadyFeed {
    private static final Duration TICK = Duration.ofMillis(100);

    /** When each value was handed over ({@link System#nanoTime()}). */
    public final long[] sentAt;

    /** How many values have been handed over. */
    public final AtomicInteger sent = new AtomicInteger();

    private CompletableFuture<Void> running;

    private SteadyFeed(int count) {
        this.sentAt = new long[count];
    }

    /** Waits until every value was handed over. */
    public void join() {
        running.join();
    }

    /** Starts sending values 0 … count-1 of {@code value}. */
    public static SteadyFeed start(
            String bootstrapServers,
            String topic,
            int partitions,
            int rate,
            int count,
            IntFunction<String> value) {
        SteadyFeed feed = new SteadyFeed(count);
        feed.running =
                CompletableFuture.runAsync(
                        () -> feed.send(bootstrapServers, topic, partitions, rate, value));
        return feed;
    }

    /** A benchmark's producer: leader acks, small batching delay, large batches. */
    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "1",
                        ProducerConfig.LINGER_MS_CONFIG,
                        "5",
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        String.valueOf(256 * 1024)),
                new StringSerializer(),
                new StringSerializer());
    }

    private void send(
            String bootstrapServers,
            String topic,
            int partitions,
            int rate,
            IntFunction<String> value) {
        int perTick = Math.max(1, rate / 10);
        long next = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            int i = 0;
            while (i < sentAt.length) {
                for (int n = 0; n < perTick && i < sentAt.length; n++, i++) {
                    sentAt[i] = System.nanoTime();
                    producer.send(
                            new ProducerRecord<>(topic, i % partitions, null, value.apply(i)));
                    sent.set(i + 1);
                }
                producer.flush();
                next += TICK.toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the rate, not waiting for anything
                }
            }
        }
    }
}

package io.tributary.pipelines.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends values to a topic's partitions in bursts a second apart, as a live source would: a demo's
 * tables then grow commit by commit instead of all at once.
 */
@PublicEvolving
public final class BurstFeed {
    private static final Duration BETWEEN_BURSTS = Duration.ofSeconds(1);

    private BurstFeed() {}

    /**
     * Starts sending {@code values} to {@code topic} in {@code bursts} bursts, round-robin over
     * {@code partitions}.
     */
    public static CompletableFuture<Void> start(
            String bootstrapServers,
            String topic,
            int partitions,
            List<String> values,
            int bursts) {
        return CompletableFuture.runAsync(
                () -> {
                    try (KafkaProducer<String, String> producer =
                            new KafkaProducer<>(
                                    Map.of(
                                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                            bootstrapServers,
                                            ProducerConfig.ACKS_CONFIG,
                                            "all"),
                                    new StringSerializer(),
                                    new StringSerializer())) {
                        for (int burst = 0; burst < bursts; burst++) {
                            int from = values.size() * burst / bursts;
                            int to = values.size() * (burst + 1) / bursts;
                            for (int i = from; i < to; i++) {
                                producer.send(
                                        new ProducerRecord<>(
                                                topic, i % partitions, null, values.get(i)));
                            }
                            producer.flush();
                            // Pacing a live source, not waiting for anything.
                            Thread.sleep(BETWEEN_BURSTS.toMillis());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }
}

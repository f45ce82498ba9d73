package io.tributary.pipelines.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.flink.annotation.Internal;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in this JVM, in KRaft mode (broker and controller in one), for {@code
 * tributary demo} and the tests. Not for production: one replica, no security.
 */
@Internal
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code dir} as the broker's log directory and starts the broker on free ports. */
    public static EmbeddedKafka start(Path dir) {
        try {
            Path logs = Files.createDirectories(dir.resolve("kafka-logs"));
            // What 'kafka-storage.sh format' writes; without a bootstrap file the broker takes the
            // latest metadata version.
            Files.writeString(
                    logs.resolve("meta.properties"),
                    "version=1\ncluster.id=" + Uuid.randomUuid() + "\nnode.id=1\n",
                    StandardCharsets.UTF_8);
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            props.put(
                    "listeners",
                    "PLAINTEXT://localhost:"
                            + brokerPort
                            + ",CONTROLLER://localhost:"
                            + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", logs.toString());
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "false");
            props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
            // One node sharing a JVM with the Flink jobs it feeds: when they take every core, its
            // heartbeats and Raft fetches run late. A single node gains nothing from fencing itself
            // or from re-electing itself, which takes its partitions offline meanwhile.
            props.put("broker.session.timeout.ms", "600000");
            props.put("controller.quorum.fetch.timeout.ms", "600000");
            props.put("controller.quorum.election.timeout.ms", "60000");
            KafkaRaftServer server =
                    new KafkaRaftServer(
                            new KafkaConfig(props, false), Time.SYSTEM, scala.Option.empty());
            server.startup();
            return new EmbeddedKafka(server, "localhost:" + brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Kafka broker in " + dir, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates a topic with the given partitions, unless it exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(name)) {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            }
            awaitLeaders(admin, name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot create topic " + name + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Returns once the broker leads every partition of the topic: a topic is created before its
     * partitions can take records, and a producer whose partition has no leader yet holds its
     * records until they expire.
     */
    private static void awaitLeaders(Admin admin, String name)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                TopicDescription topic =
                        admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                if (topic.partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // created, but the broker does not know it yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Topic " + name + " still has partitions without a leader after 2 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(
                    50); // polling the broker's metadata; it offers no notification
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

package io.tributary.serve;

import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings of {@code tributary serve} (docs/metrics.md). */
@PublicEvolving
public final class ServeOptions {
    private ServeOptions() {}

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("tributary.serve.port")
                    .intType()
                    .defaultValue(8080)
                    .withDescription(
                            "The port the service listens on (0: any free port, printed at start).");

    public static final ConfigOption<String> BIND_ADDRESS =
            ConfigOptions.key("tributary.serve.bind-address")
                    .stringType()
                    .defaultValue("0.0.0.0")
                    .withDescription(
                            "The address the service listens on; 127.0.0.1 keeps it to this host.");

    public static final ConfigOption<Integer> THREADS =
            ConfigOptions.key("tributary.serve.threads")
                    .intType()
                    .defaultValue(32)
                    .withDescription(
                            "Threads answering requests: as many as the concurrent clients to "
                                    + "serve without queueing (answers come from memory).");

    public static final ConfigOption<Duration> REFRESH_INTERVAL =
            ConfigOptions.key("tributary.serve.refresh-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How often the service asks the lake for new table versions; a table "
                                    + "whose version changed is read again, the others are kept.");
}

package io.tributary.pipelines.cdc.command;

import io.tributary.pipelines.cdc.CdcOptions;
import io.tributary.pipelines.cdc.CdcPipeline;
import io.tributary.pipelines.command.BurstFeed;
import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.TableWatch;
import io.tributary.pipelines.command.TemporaryFiles;
import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.PipelineRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Option;

/**
 * The demo's change-data-capture part: an orders table's changes as Debezium JSON on the embedded
 * broker, the CDC job keeping {@code silver.shop_orders} and its SCD2 history, watched until the
 * history's current versions are the current-state table.
 */
@Internal
public final class CdcDemo implements DemoStep {
    public static final String TOPIC = "demo.shop.orders";

    /** Seed and key count of the order changes the demo streams. */
    public static final long SEED = 3;

    public static final int KEYS = 25;
    private static final int PARTITIONS = 2;
    private static final int BURSTS = 10;

    @Option(
            names = "--order-changes",
            defaultValue = "1000",
            description = "Order changes (CDC events) to stream (default: ${DEFAULT-VALUE}).")
    int changes;

    @Override
    public int order() {
        return 110;
    }

    @Override
    public List<String> tablePrefixes() {
        return List.of("cdc_", "shop_orders");
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        Configuration streaming = demo.streamingConf();
        Path tables = TemporaryFiles.file("tributary-demo-cdc-tables", ".yaml");
        Files.writeString(
                tables,
                "tables:\n"
                        + "  - source: public.orders\n    domain: shop\n    topic: "
                        + TOPIC
                        + "\n"
                        + "    format: debezium-json\n    primary-key: [id]\n    history: true\n"
                        + "    columns:\n      "
                        + OrderChangeScript.COLUMNS
                        + "\n");
        streaming.set(CdcOptions.TABLES_FILE, tables.toString());
        demo.kafka().createTopic(TOPIC, PARTITIONS);
        demo.section(
                "Change data capture: an orders table's changes into current state and history");
        JobClient job =
                new PipelineRunner(streaming, demo.out()).start(CdcPipeline.fromConfig(streaming));
        try {
            List<String> events =
                    OrderChangeScript.script(SEED, KEYS, changes).stream()
                            .map(OrderChangeScript.Change::debezium)
                            .collect(Collectors.toList());
            demo.out()
                    .printf(
                            "  Started the cdc streaming job; sending %,d order changes (Debezium JSON) to %s in %d "
                                    + "bursts%n",
                            events.size(), TOPIC, BURSTS);
            CompletableFuture<Void> feed =
                    BurstFeed.start(
                            demo.kafka().bootstrapServers(), TOPIC, PARTITIONS, events, BURSTS);
            TableEnvironment tEnv = LakeQuery.environment(streaming);
            new TableWatch(
                            tEnv,
                            demo.out(),
                            List.of(
                                    "order events",
                                    "orders now",
                                    "order versions",
                                    "current versions"),
                            "SELECT (SELECT COUNT(*) FROM bronze.cdc_orders),"
                                    + " (SELECT COUNT(*) FROM silver.shop_orders),"
                                    + " (SELECT COUNT(*) FROM silver.shop_orders_history),"
                                    + " (SELECT COUNT(*) FROM silver.shop_orders_history WHERE is_current)")
                    .until(
                            feed,
                            s ->
                                    ((Number) s.get(0)).longValue() == events.size()
                                            && s.get(1).equals(s.get(3)));
        } finally {
            job.cancel().get();
            Files.deleteIfExists(tables);
        }
    }
}

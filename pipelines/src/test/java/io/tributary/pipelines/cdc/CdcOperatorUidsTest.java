package io.tributary.pipelines.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDC job's operator uids, pinned: its keyed state (each key's position, row and versions) and
 * the sinks' pending files are matched to operators by uid when a savepoint restores, so a changed
 * uid silently loses them. Change one only with a migration.
 */
class CdcOperatorUidsTest {
    @TempDir Path dir;

    @Test
    void theCdcJobsOperatorsKeepTheirUids() throws Exception {
        Path tables =
                Files.writeString(
                        dir.resolve("tables.yaml"),
                        "tables:\n"
                                + "  - source: public.orders\n    domain: shop\n    topic: shop.orders\n"
                                + "    format: debezium-json\n    primary-key: [id]\n    history: true\n"
                                + "    columns:\n      id: BIGINT\n      status: STRING\n");
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        conf.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, "localhost:9");
        conf.set(CdcOptions.TABLES_FILE, tables.toString());

        assertThat(
                        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                                .streamingOperatorUids(CdcPipeline.fromConfig(conf)))
                .containsExactly(
                        "cdc-bronze-read-orders",
                        "cdc-bronze-replay-orders",
                        "cdc-current-orders",
                        "cdc-current-rows-orders",
                        "cdc-history-orders",
                        "cdc-history-rows-orders",
                        "cdc-history-seed-orders",
                        "cdc-kafka-source",
                        "cdc-router",
                        "delta-changelog-writer-default_catalog.silver.shop_orders",
                        "delta-changelog-writer-default_catalog.silver.shop_orders_history",
                        "delta-committer-default_catalog.bronze.cdc_control_events",
                        "delta-committer-default_catalog.bronze.cdc_orders",
                        "delta-committer-default_catalog.bronze.cdc_rejects",
                        "delta-committer-default_catalog.silver.cdc_rejects",
                        "delta-committer-default_catalog.silver.shop_orders",
                        "delta-committer-default_catalog.silver.shop_orders_history",
                        "delta-end-default_catalog.bronze.cdc_control_events",
                        "delta-end-default_catalog.bronze.cdc_orders",
                        "delta-end-default_catalog.bronze.cdc_rejects",
                        "delta-end-default_catalog.silver.cdc_rejects",
                        "delta-end-default_catalog.silver.shop_orders",
                        "delta-end-default_catalog.silver.shop_orders_history",
                        "delta-writer-default_catalog.bronze.cdc_control_events",
                        "delta-writer-default_catalog.bronze.cdc_orders",
                        "delta-writer-default_catalog.bronze.cdc_rejects",
                        "delta-writer-default_catalog.silver.cdc_rejects");
    }
}

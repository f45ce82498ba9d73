package io.tributary.pipelines.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.command.OrderChangeScript;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.KinesaliteServer;
import io.tributary.pipelines.testutils.LaggingTables;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.LineFeed;
import io.tributary.pipelines.testutils.OrderChanges;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generic CDC job on the MiniCluster with an in-JVM Kafka broker (and Kinesis, kinesalite,
 * where the source matters): Debezium and DMS change events into bronze, current-state silver and
 * SCD2 history, ordered by the source's commit order whatever order they arrive in; control events,
 * undecodable records and rows that do not fit their columns kept with their reason.
 */
class CdcPipelineITCase {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final KinesaliteServer KINESIS = new KinesaliteServer();

    private static int topics;

    @TempDir Path dir;

    private Configuration conf(String lake, String tablesYaml, StreamSource source)
            throws IOException {
        Configuration conf = conf(lake, tablesYaml);
        conf.set(CdcOptions.SOURCE, source);
        KINESIS.configure(conf);
        return conf;
    }

    private Configuration conf(String lake, String tablesYaml) throws IOException {
        Path tablesFile = Files.writeString(dir.resolve(lake + "-tables.yaml"), tablesYaml);
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve(lake).toString());
        conf.set(TributaryOptions.SINK_TARGET_FILE_SIZE, MemorySize.parse("16kb"));
        conf.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        conf.set(TributaryOptions.STREAMING_BOUNDED, true);
        conf.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofMillis(300));
        conf.set(CdcOptions.TABLES_FILE, tablesFile.toString());
        return conf;
    }

    private static String ordersTable(String source, String topic, String format) {
        return "tables:\n"
                + "  - source: "
                + source
                + "\n"
                + "    domain: shop\n"
                + "    topic: "
                + topic
                + "\n"
                + "    format: "
                + format
                + "\n"
                + "    primary-key: [id]\n"
                + "    history: true\n"
                + "    columns:\n"
                + "      "
                + OrderChangeScript.COLUMNS
                + "\n";
    }

    private static void run(Configuration conf) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(CdcPipeline.fromConfig(conf), PipelineMode.STREAMING);
    }

    private static String newTopic() {
        return newTopic(StreamSource.KAFKA);
    }

    /** A topic, or a stream, of three partitions or shards. */
    private static String newTopic(StreamSource source) {
        String topic = "cdc." + topics++;
        if (source == StreamSource.KINESIS) {
            KINESIS.createStream(topic, 3);
        } else {
            KAFKA.createTopic(topic, 3);
        }
        return topic;
    }

    private List<String> silver(Configuration conf, String table) throws Exception {
        return new Lake(conf)
                .rows("SELECT * FROM " + table).stream().sorted().collect(Collectors.toList());
    }

    private void assertArrivalOrderDoesNotMatter(
            String format,
            String source,
            Function<OrderChangeScript.Change, String> render,
            StreamSource from)
            throws Exception {
        List<OrderChangeScript.Change> script = OrderChangeScript.script(7, 40, 600);
        String inOrder = newTopic(from);
        String shuffled = newTopic(from);
        LineFeed feed = LineFeed.of(from, KAFKA, KINESIS);
        feed.sendLines(inOrder, script.stream().map(render).collect(Collectors.toList()));
        feed.sendLines(
                shuffled,
                OrderChangeScript.shuffled(script, 11).stream()
                        .map(render)
                        .collect(Collectors.toList()));
        Configuration first = conf("in-order", ordersTable(source, inOrder, format), from);
        Configuration second = conf("shuffled", ordersTable(source, shuffled, format), from);

        run(first);
        run(second);

        List<String> current = OrderChanges.currentRows(script);
        List<String> history = OrderChanges.historyRows(script);
        assertThat(current).as("the script deletes some rows").hasSizeLessThan(40);
        assertThat(silver(first, "silver.shop_orders")).isEqualTo(current);
        assertThat(silver(second, "silver.shop_orders")).isEqualTo(current);
        assertThat(silver(first, "silver.shop_orders_history")).isEqualTo(history);
        assertThat(silver(second, "silver.shop_orders_history")).isEqualTo(history);
        assertThat(new Lake(second).count("bronze.cdc_orders")).isEqualTo(script.size());
        assertThat(
                        new Lake(second).count("silver.cdc_rejects")
                                + new Lake(second).count("bronze.cdc_rejects"))
                .isZero();
    }

    @Test
    void debeziumEventsInAnyArrivalOrderGiveTheSourcesTables() throws Exception {
        assertArrivalOrderDoesNotMatter(
                "debezium-json",
                "public.orders",
                OrderChangeScript.Change::debezium,
                StreamSource.KAFKA);
    }

    /** DMS writes to Kinesis in AWS: both carriers give the same tables. */
    @ParameterizedTest
    @EnumSource(StreamSource.class)
    void dmsRecordsInAnyArrivalOrderGiveTheSourcesTables(StreamSource from) throws Exception {
        assertArrivalOrderDoesNotMatter("dms-json", "orders", OrderChangeScript.Change::dms, from);
    }

    @Test
    void aDeleteArrivingBeforeTheChangesItEndsStillRemovesTheRow() throws Exception {
        List<OrderChangeScript.Change> script = new ArrayList<>(OrderChangeScript.script(3, 1, 3));
        OrderChangeScript.Change last = script.get(2);
        script.add(last.deletedAt(last.commitMicros + 5_000_000, last.lsn + 1));
        String topic = newTopic() + ".one";
        KAFKA.createTopic(topic, 1);
        KAFKA.sendLines(
                topic,
                List.of(
                        script.get(3).debezium(),
                        script.get(0).debezium(),
                        script.get(2).debezium(),
                        script.get(1).debezium()));
        Configuration conf =
                conf("late-insert", ordersTable("public.orders", topic, "debezium-json"));

        run(conf);

        assertThat(new Lake(conf).count("silver.shop_orders")).isZero();
        List<String> history = silver(conf, "silver.shop_orders_history");
        assertThat(history).isEqualTo(OrderChanges.historyRows(script)).isNotEmpty();
        assertThat(history)
                .as("every version ended, the last one by the delete")
                .allMatch(row -> row.endsWith(",false"));
    }

    @Test
    void controlEventsRejectsAndMisfitRowsAreKeptWithTheirReason() throws Exception {
        String topic = newTopic();
        KAFKA.createTopic(topic + ".one", 1);
        String control =
                "{\"control\":{\"table-def\":{\"columns\":{}}},\"metadata\":{\"timestamp\":\"2024-05-01T00:00:00Z\","
                        + "\"record-type\":\"control\",\"operation\":\"create-table\",\"schema-name\":\"sales\",\"table-name\":\"orders\"}}";
        String misfit =
                "{\"data\":{\"id\":5,\"customer\":\"x\",\"amount\":\"lots\",\"status\":\"paid\"},\"metadata\":{"
                        + "\"timestamp\":\"2024-05-01T00:00:01Z\",\"record-type\":\"data\",\"operation\":\"insert\","
                        + "\"schema-name\":\"sales\",\"table-name\":\"orders\"}}";
        String otherTable =
                misfit.replace("\"table-name\":\"orders\"", "\"table-name\":\"invoices\"");
        String good = misfit.replace("\"lots\"", "12.5");
        KAFKA.sendLines(
                topic + ".one", List.of(control, "not json at all", misfit, otherTable, good));
        Configuration conf = conf("rejects", ordersTable("orders", topic + ".one", "dms-json"));

        run(conf);

        Lake lake = new Lake(conf);
        assertThat(
                        lake.rows(
                                "SELECT operation, source_schema, source_table, source, source_offset FROM bronze.cdc_control_events"))
                .containsExactly("create-table,sales,orders,kafka:" + topic + ".one/0,0");
        assertThat(
                        lake.rows(
                                "SELECT reason, source_offset FROM bronze.cdc_rejects ORDER BY source_offset"))
                .hasSize(2)
                .satisfies(rows -> assertThat(rows.get(0)).startsWith("not JSON").endsWith(",1"))
                .satisfies(
                        rows ->
                                assertThat(rows.get(1))
                                        .isEqualTo(
                                                "no CDC table is configured for sales.invoices,3"));
        assertThat(
                        lake.rows(
                                "SELECT table_name, op, reason, source_offset FROM silver.cdc_rejects"))
                .containsExactly("orders,insert,column amount: 'lots' is not a number,2");
        assertThat(
                        lake.rows(
                                "SELECT op, source_offset FROM bronze.cdc_orders ORDER BY source_offset"))
                .as("bronze keeps every event of the table, fitting or not")
                .containsExactly("insert,2", "insert,4");
        assertThat(lake.rows("SELECT * FROM silver.shop_orders"))
                .containsExactly("5,x,12.50,paid,null");
    }

    @Test
    void aFreshStartContinuesAfterTheEventsTheLakeHolds() throws Exception {
        List<OrderChangeScript.Change> script = OrderChangeScript.script(21, 30, 400);
        String topic = newTopic();
        Configuration conf = conf("restart", ordersTable("public.orders", topic, "debezium-json"));
        KAFKA.sendLines(
                topic,
                script.subList(0, 250).stream()
                        .map(OrderChangeScript.Change::debezium)
                        .collect(Collectors.toList()));
        run(conf);
        KAFKA.sendLines(
                topic,
                script.subList(250, 400).stream()
                        .map(OrderChangeScript.Change::debezium)
                        .collect(Collectors.toList()));

        run(conf);

        assertThat(new Lake(conf).count("bronze.cdc_orders"))
                .as("no event read twice")
                .isEqualTo(400);
        assertThat(silver(conf, "silver.shop_orders")).isEqualTo(OrderChanges.currentRows(script));
        assertThat(silver(conf, "silver.shop_orders_history"))
                .isEqualTo(OrderChanges.historyRows(script));
    }

    /**
     * A job killed between two tables' commits, then started without state: the lagging tables are
     * put back as they were before the last run (the events of that run in the other tables only).
     * The events arrive shuffled, so changes on either side of the restart overtake each other.
     */
    @ParameterizedTest
    @CsvSource({
        "silver/shop_orders;silver/shop_orders_history, KAFKA",
        "silver/shop_orders, KAFKA",
        "bronze/cdc_orders, KAFKA",
        "silver/shop_orders;silver/shop_orders_history, KINESIS",
        "bronze/cdc_orders, KINESIS"
    })
    void aFreshStartAfterAKillBetweenTwoTablesCommitsLeavesEveryTableExact(
            String lagging, StreamSource source) throws Exception {
        List<OrderChangeScript.Change> script = OrderChangeScript.script(5, 30, 400);
        List<String> events =
                OrderChangeScript.shuffled(script, 3).stream()
                        .map(OrderChangeScript.Change::debezium)
                        .collect(Collectors.toList());
        String topic = newTopic(source);
        Configuration conf =
                conf("kill", ordersTable("public.orders", topic, "debezium-json"), source);
        LineFeed.of(source, KAFKA, KINESIS).sendLines(topic, events.subList(0, 250));
        run(conf);
        LaggingTables behind =
                LaggingTables.setAside(
                        dir.resolve("kill"), dir.resolve("aside"), List.of(lagging.split(";")));
        LineFeed.of(source, KAFKA, KINESIS).sendLines(topic, events.subList(250, 400));
        run(conf);
        behind.fallBack();

        run(conf);

        Lake lake = new Lake(conf);
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*), COUNT(DISTINCT CONCAT(source, '#', CAST(source_offset AS STRING)))"
                                        + " FROM bronze.cdc_orders"))
                .containsExactly("400,400");
        assertThat(silver(conf, "silver.shop_orders")).isEqualTo(OrderChanges.currentRows(script));
        assertThat(silver(conf, "silver.shop_orders_history"))
                .isEqualTo(OrderChanges.historyRows(script));
        assertThat(lake.count("silver.cdc_rejects") + lake.count("bronze.cdc_rejects")).isZero();
    }
}

package io.tributary.pipelines.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.EmbeddedClusterExtension;
import io.tributary.pipelines.testutils.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each record shape the streaming pipelines accept, read from Kafka in Flink SQL DDL into a Delta
 * table.
 */
class KafkaFormatsITCase {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();

    @TempDir Path dir;

    @Test
    void kinesisJsonOpensEnvelopesTakesBareEventsAndExposesTheEnvelope() throws Exception {
        String order = "{\"id\":1,\"item\":\"tea\",\"qty\":2}";
        KAFKA.createTopic("orders.kinesis", 1);
        KAFKA.sendLines(
                "orders.kinesis",
                List.of(
                        "{\"Data\":\""
                                + base64(order)
                                + "\",\"PartitionKey\":\"c-7\",\"SequenceNumber\":\"4960\","
                                + "\"ApproximateArrivalTimestamp\":1704067200.5}",
                        "{\"id\":2,\"item\":\"milk\",\"qty\":1}"));
        List<String> rows =
                copyToDelta(
                        "orders.kinesis",
                        "id INT, item STRING, qty INT, pk STRING METADATA FROM 'value.partition-key' VIRTUAL,"
                                + " seq STRING METADATA FROM 'value.sequence-number' VIRTUAL,"
                                + " arrived TIMESTAMP_LTZ(3) METADATA FROM 'value.approximate-arrival-timestamp' VIRTUAL",
                        "'value.format' = 'kinesis-json'",
                        "id INT, item STRING, qty INT, pk STRING, seq STRING, arrived STRING",
                        "SELECT id, item, qty, pk, seq, CAST(arrived AS STRING) FROM src",
                        "");
        assertThat(rows)
                .containsExactly(
                        "+I[1, tea, 2, c-7, 4960, 2024-01-01 00:00:00.500]",
                        "+I[2, milk, 1, null, null, null]");
    }

    @Test
    void debeziumJsonChangesUpsertByKey() throws Exception {
        KAFKA.createTopic("shop.customers", 1);
        KAFKA.sendLines(
                "shop.customers",
                List.of(
                        "{\"before\":null,\"after\":{\"id\":1,\"name\":\"Ana\"},\"op\":\"c\"}",
                        "{\"before\":null,\"after\":{\"id\":2,\"name\":\"Bo\"},\"op\":\"r\"}",
                        "{\"before\":{\"id\":1,\"name\":\"Ana\"},\"after\":{\"id\":1,\"name\":\"Ana Lima\"},\"op\":\"u\"}",
                        "{\"before\":{\"id\":2,\"name\":\"Bo\"},\"after\":null,\"op\":\"d\"}"));
        assertThat(
                        copyToDelta(
                                "shop.customers",
                                "id INT, name STRING",
                                "'value.format' = 'debezium-json'",
                                "id INT, name STRING",
                                "SELECT id, name FROM src",
                                "id"))
                .containsExactly("+I[1, Ana Lima]");
    }

    @Test
    void dmsJsonChangesUpsertByKeyAndControlRecordsAreSkipped() throws Exception {
        KAFKA.createTopic("dms.customers", 1);
        KAFKA.sendLines(
                "dms.customers",
                List.of(
                        dms("load", "{\"id\":1,\"name\":\"Ana\"}", null),
                        dms("insert", "{\"id\":2,\"name\":\"Bo\"}", null),
                        "{\"control\":{\"table-def\":{}},\"metadata\":{\"timestamp\":\"2024-01-01T00:00:03Z\","
                                + "\"record-type\":\"control\",\"operation\":\"create-table\",\"schema-name\":\"shop\","
                                + "\"table-name\":\"customers\"}}",
                        dms(
                                "update",
                                "{\"id\":1,\"name\":\"Ana Lima\"}",
                                "{\"id\":1,\"name\":\"Ana\"}"),
                        dms(
                                "update",
                                "{\"id\":2,\"name\":\"Bo Yu\"}",
                                null), // no before-image: applied by key
                        dms("insert", "{\"id\":3,\"name\":\"Cy\"}", null),
                        dms("delete", "{\"id\":3,\"name\":\"Cy\"}", null)));
        assertThat(
                        copyToDelta(
                                "dms.customers",
                                "id INT, name STRING, op STRING METADATA FROM 'value.operation' VIRTUAL,"
                                        + " tbl STRING METADATA FROM 'value.table-name' VIRTUAL",
                                "'value.format' = 'dms-json'",
                                "id INT, name STRING, op STRING, tbl STRING",
                                "SELECT id, name, op, tbl FROM src",
                                "id"))
                .containsExactly(
                        "+I[1, Ana Lima, update, customers]", "+I[2, Bo Yu, update, customers]");
    }

    private static String dms(String operation, String data, String before) {
        return "{\"data\":"
                + data
                + (before == null ? "" : ",\"before-image\":" + before)
                + ",\"metadata\":{\"timestamp\":\"2024-01-01T00:00:0"
                + operation.length()
                + ".000000Z\","
                + "\"record-type\":\"data\",\"operation\":\""
                + operation
                + "\",\"partition-key-type\":\"primary-key\","
                + "\"schema-name\":\"shop\",\"table-name\":\"customers\",\"transaction-id\":8}}";
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the topic to its current end through the format into a Delta table, then reads that
     * back.
     */
    private List<String> copyToDelta(
            String topic,
            String sourceColumns,
            String format,
            String sinkColumns,
            String select,
            String key)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(200);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        // Changes apply by the sink's key. Flink would otherwise match a delete to an earlier row
        // by
        // all its columns, and the metadata columns differ between a row's insert and its delete.
        tEnv.getConfig().set("table.exec.sink.upsert-materialize", "NONE");
        tEnv.executeSql(
                "CREATE TABLE src ("
                        + sourceColumns
                        + ") WITH ('connector' = 'kafka', 'topic' = '"
                        + topic
                        + "', 'properties.bootstrap.servers' = '"
                        + KAFKA.bootstrapServers()
                        + "',"
                        + " 'properties.group.id' = 'test', 'scan.startup.mode' = 'earliest-offset',"
                        + " 'scan.bounded.mode' = 'latest-offset', "
                        + format
                        + ")");
        String sinkDdl =
                "CREATE TABLE dst ("
                        + sinkColumns
                        + (key.isEmpty() ? "" : ", PRIMARY KEY (" + key + ") NOT ENFORCED")
                        + ") WITH ('connector' = 'delta', 'path' = '"
                        + dir.resolve(topic)
                        + "')";
        tEnv.executeSql(sinkDdl);
        tEnv.executeSql("INSERT INTO dst " + select).await();

        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(sinkDdl);
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it =
                batch.executeSql("SELECT * FROM dst ORDER BY 1").collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}

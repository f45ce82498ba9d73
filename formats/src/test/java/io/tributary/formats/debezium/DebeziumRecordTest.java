package io.tributary.formats.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DebeziumRecordTest {
    private static DebeziumRecord decode(String json) throws Exception {
        return DebeziumRecord.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAPostgresUpdateWithoutSchemas() throws Exception {
        DebeziumRecord record =
                decode(
                        "{\"before\":{\"id\":1,\"name\":\"a\"},\"after\":{\"id\":1,\"name\":\"b\"},"
                                + "\"source\":{\"db\":\"shop\",\"schema\":\"public\",\"table\":\"customers\",\"ts_ms\":1700000000123,"
                                + "\"lsn\":24023128},\"op\":\"u\",\"ts_ms\":1700000000999}");

        assertThat(record.operation()).isEqualTo(DebeziumRecord.Operation.UPDATE);
        assertThat(record.before().get("name").asText()).isEqualTo("a");
        assertThat(record.after().get("name").asText()).isEqualTo("b");
        assertThat(record.schemaName()).isEqualTo("public");
        assertThat(record.tableName()).isEqualTo("customers");
        assertThat(record.commitMicros()).isEqualTo(1700000000123000L);
        assertThat(record.logPosition()).isEqualTo("00000000000024023128");
        assertThat(record.columnSchema("name")).isNull();
    }

    @Test
    void unwrapsTheSchemaEnvelopeAndKeepsColumnSchemas() throws Exception {
        DebeziumRecord record =
                decode(
                        "{\"schema\":{\"type\":\"struct\",\"fields\":["
                                + "{\"field\":\"before\",\"type\":\"struct\",\"fields\":[]},"
                                + "{\"field\":\"after\",\"type\":\"struct\",\"fields\":["
                                + "{\"field\":\"price\",\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}}]}]},"
                                + "\"payload\":{\"before\":null,\"after\":{\"price\":\"AMg=\"},"
                                + "\"source\":{\"db\":\"shop\",\"table\":\"items\",\"ts_ms\":5,\"ts_us\":5001,\"file\":\"binlog.000003\",\"pos\":154,\"row\":2},"
                                + "\"op\":\"r\"}}");

        assertThat(record.operation()).isEqualTo(DebeziumRecord.Operation.READ);
        assertThat(record.before()).isNull();
        assertThat(record.schemaName()).as("MySQL has databases, not schemas").isEqualTo("shop");
        assertThat(record.commitMicros()).as("ts_us wins over ts_ms").isEqualTo(5001L);
        assertThat(record.logPosition())
                .isEqualTo(
                        "mysql:binlog/00000000000000000003/00000000000000000154/00000000000000000002");
        assertThat(record.columnSchema("price").path("parameters").path("scale").asInt())
                .isEqualTo(2);
    }

    @Test
    void binlogPositionsSortInLogOrder() throws Exception {
        String early = decode(mysqlCreate("binlog.000003", 99_999)).logPosition();
        String later = decode(mysqlCreate("binlog.000003", 100_000)).logPosition();
        String nextFile = decode(mysqlCreate("binlog.000004", 4)).logPosition();
        assertThat(early).isLessThan(later);
        assertThat(later).isLessThan(nextFile);
        assertThat(decode(mysqlCreate("binlog.999999", 4)).logPosition())
                .as("file numbers past six digits")
                .isLessThan(decode(mysqlCreate("binlog.1000000", 4)).logPosition());
        assertThat(DebeziumRecord.binlogBase(nextFile)).isEqualTo("binlog");
        assertThat(
                        DebeziumRecord.binlogBase(
                                decode(mysqlCreate("mysql-bin-changelog.000001", 4)).logPosition()))
                .as("another server's binlog after a failover")
                .isEqualTo("mysql-bin-changelog");
    }

    private static String mysqlCreate(String file, long pos) {
        return "{\"after\":{\"id\":1},\"source\":{\"table\":\"t\",\"ts_ms\":1,\"file\":\""
                + file
                + "\",\"pos\":"
                + pos
                + "},\"op\":\"c\"}";
    }

    @Test
    void aSchemaChangeIsAControlEvent() throws Exception {
        DebeziumRecord record =
                decode(
                        "{\"source\":{\"db\":\"shop\",\"table\":\"items\",\"ts_ms\":7},"
                                + "\"databaseName\":\"shop\",\"ddl\":\"ALTER TABLE items ADD COLUMN note TEXT\",\"tableChanges\":[]}");
        assertThat(record.operation()).isEqualTo(DebeziumRecord.Operation.SCHEMA_CHANGE);
        assertThat(record.ddl()).isEqualTo("ALTER TABLE items ADD COLUMN note TEXT");
    }

    @Test
    void rejectsWhatIsNotAChangeEvent() {
        assertThatThrownBy(() -> decode("{\"id\":1}"))
                .hasMessage("not a Debezium event: no 'op' field");
        assertThatThrownBy(() -> decode("{\"op\":\"x\"}")).hasMessage("unknown Debezium op 'x'");
        assertThatThrownBy(() -> decode("{\"op\":\"d\",\"before\":null}"))
                .hasMessage("Debezium delete without a before image");
        assertThatThrownBy(() -> decode("{\"op\":\"c\"}"))
                .hasMessage("Debezium 'c' event without an after image");
        assertThatThrownBy(() -> decode("[1]"))
                .hasMessage("not a Debezium event: not a JSON object");
        assertThatThrownBy(() -> decode("{oops")).hasMessageStartingWith("not JSON:");
    }
}

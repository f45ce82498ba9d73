package io.tributary.pipelines.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdcTablesFileTest {
    @TempDir Path dir;

    private List<CdcTableSpec> load(String yaml) throws Exception {
        return CdcTablesFile.load(Files.writeString(dir.resolve("tables.yaml"), yaml));
    }

    private static String table(String source, String topic, String format, String extra) {
        return "  - source: "
                + source
                + "\n    domain: shop\n    topic: "
                + topic
                + "\n    format: "
                + format
                + "\n"
                + "    primary-key: [id]\n    columns:\n      id: BIGINT\n      note: STRING\n"
                + extra;
    }

    @Test
    void readsTablesWithTheirTypesKeyAndNames() throws Exception {
        List<CdcTableSpec> specs =
                load(
                        "tables:\n"
                                + table(
                                        "public.Orders",
                                        "t",
                                        "debezium-json",
                                        "    history: true\n"));
        CdcTableSpec orders = specs.get(0);
        assertThat(orders.name()).isEqualTo("orders");
        assertThat(orders.bronzeTable()).isEqualTo("bronze.cdc_orders");
        assertThat(orders.silverTable()).isEqualTo("silver.shop_orders");
        assertThat(orders.historyTable()).isEqualTo("silver.shop_orders_history");
        assertThat(orders.rowType().asSerializableString())
                .isEqualTo("ROW<`id` BIGINT NOT NULL, `note` VARCHAR(2147483647)> NOT NULL");
        assertThat(orders.matches("PUBLIC", "orders")).isTrue();
        assertThat(orders.matches("other", "orders")).isFalse();
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> load("tables: []"))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("no 'tables' list");
        assertThatThrownBy(() -> load("tables:\n" + table("a", "t", "avro", "")))
                .hasMessage("Unknown CDC format 'avro'");
        assertThatThrownBy(
                        () ->
                                load(
                                        "tables:\n"
                                                + table("a", "t", "dms-json", "")
                                                        .replace("[id]", "[code]")))
                .hasMessage(
                        "CDC table 'a' has primary-key column 'code' that is not among its columns");
        assertThatThrownBy(
                        () ->
                                load(
                                        "tables:\n"
                                                + table("a", "t", "dms-json", "")
                                                        .replace("STRING", "MAP<STRING, INT>")))
                .hasMessageContaining("has column 'note' of type MAP<");
        assertThatThrownBy(
                        () ->
                                load(
                                        "tables:\n"
                                                + table("x.a", "t", "dms-json", "")
                                                + table("y.a", "u", "dms-json", "")))
                .hasMessage("CDC tables 'x.a' and 'y.a' would both be bronze.cdc_a");
        assertThatThrownBy(
                        () ->
                                load(
                                        "tables:\n"
                                                + table("a", "t", "dms-json", "")
                                                + table("b", "t", "debezium-json", "")))
                .hasMessage("Topic t is listed with formats dms-json and debezium-json");
        assertThatThrownBy(() -> CdcTablesFile.load(dir.resolve("missing.yaml")))
                .hasMessageContaining("does not exist");
    }
}

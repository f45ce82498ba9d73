package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.DeltaSink;
import io.tributary.connector.delta.DeltaTableAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's tables are listed from folders and loaded when a statement names them. */
class LakeTablesCatalogTest {
    private static final RowType EVENTS =
            RowType.of(
                    new LogicalType[] {VarCharType.STRING_TYPE, new IntType(), new DateType()},
                    new String[] {"name", "n", "day"});

    @TempDir Path lake;

    private LakeTablesCatalog catalog;

    @BeforeEach
    void lakeWithABrokenTable() throws Exception {
        DeltaSink.builder()
                .tablePath(lake.resolve("silver/events").toUri().toString())
                .rowType(EVENTS)
                .partitionColumns(List.of("day"))
                .sinkId("test")
                .build()
                .createTableIfAbsent();
        // A log another tool left unreadable: only a statement that names it may fail.
        Path broken = Files.createDirectories(lake.resolve("silver/broken/_delta_log"));
        Files.writeString(broken.resolve("00000000000000000000.json"), "not a delta log\n");
        Files.createDirectories(lake.resolve("silver/not_a_table"));
        catalog = new LakeTablesCatalog(lake.toUri().toString().replaceAll("/$", ""));
    }

    @Test
    void listsTheLayersTablesWithoutLoadingThem() throws Exception {
        assertThat(catalog.listDatabases()).contains("bronze", "silver", "gold");
        assertThat(catalog.listTables("silver")).containsExactly("broken", "events");
        assertThat(catalog.listTables("gold")).isEmpty();
    }

    @Test
    void loadsATableWithItsDeltaSchemaAndPartitionsWhenNamed() throws Exception {
        CatalogTable table = (CatalogTable) catalog.getTable(new ObjectPath("silver", "events"));

        assertThat(table.getUnresolvedSchema().getColumns())
                .extracting(c -> c.getName())
                .containsExactly("name", "n", "day");
        assertThat(table.getPartitionKeys()).containsExactly("day");
        assertThat(table.getOptions()).containsEntry("connector", "delta");
        assertThat(catalog.tableExists(new ObjectPath("silver", "not_a_table"))).isFalse();
        assertThatThrownBy(() -> catalog.getTable(new ObjectPath("gold", "missing")))
                .isInstanceOf(TableNotExistException.class);
    }

    @Test
    void findsATableCreatedAfterTheCatalog() throws Exception {
        assertThat(catalog.tableExists(new ObjectPath("gold", "late"))).isFalse();
        RowType row = RowType.of(new LogicalType[] {new IntType()}, new String[] {"n"});
        new DeltaTableAppender(lake.resolve("gold/late").toUri().toString(), row, Map.of())
                .append(List.of(GenericRowData.of(1)), "test", 1);

        assertThat(catalog.tableExists(new ObjectPath("gold", "late"))).isTrue();
    }

    @Test
    void aQueryPlansOverItsTablesWhileAnotherTableIsBroken() {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, lake.toString());
        LakeCatalog.use(tEnv, conf);

        String plan = tEnv.explainSql("SELECT name, COUNT(*) FROM silver.events GROUP BY name");

        assertThat(plan).contains("events");
        assertThatThrownBy(() -> tEnv.explainSql("SELECT * FROM silver.broken"))
                .hasMessageContaining("silver.broken");
    }
}

package io.tributary.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The demo removes only tables its marker proves it wrote, unchanged since. */
class DemoLakeITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @TempDir Path dir;

    private Configuration conf;
    private DemoLake demoLake;
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

    @BeforeEach
    void lake() {
        conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        demoLake = new DemoLake(conf, List.of("weblogs_"), List.of("weblogs"));
    }

    @Test
    void aLakeWithoutTheMarkerIsRefusedEvenWithTheDemosTableNames() throws Exception {
        append("bronze", "weblogs_raw");
        assertThatThrownBy(() -> demoLake.startOver(out))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("bronze.weblogs_raw (the lake has no demo marker");
        assertThat(table("bronze", "weblogs_raw")).exists();
    }

    @Test
    void theDemosOwnTablesAreRemovedButNotOnceSomeoneElseWroteThem() throws Exception {
        demoLake.startOver(out);
        append("bronze", "weblogs_raw");
        append("gold", "weblogs_summary");
        demoLake.record(true);
        demoLake.startOver(out);
        assertThat(table("bronze", "weblogs_raw")).doesNotExist();
        assertThat(table("gold", "weblogs_summary")).doesNotExist();

        append("bronze", "weblogs_raw");
        demoLake.record(true);
        append("bronze", "weblogs_raw"); // a backfill of real logs into the demo's lake
        append("silver", "mine"); // a table of the user's own
        assertThatThrownBy(() -> demoLake.startOver(out))
                .hasMessageContaining(
                        "bronze.weblogs_raw (changed since the demo: version 1, the demo left 0)")
                .hasMessageContaining("silver.mine (not written by the demo)");
        assertThat(table("bronze", "weblogs_raw")).exists();
        assertThat(table("silver", "mine")).exists();
    }

    @Test
    void anInterruptedDemosTablesAreItsOwnOnlyByTheirNames() throws Exception {
        demoLake.startOver(out);
        append("bronze", "weblogs_raw"); // the demo stopped before it could record the table
        demoLake.startOver(out);
        assertThat(table("bronze", "weblogs_raw")).doesNotExist();

        append("gold", "revenue");
        assertThatThrownBy(() -> demoLake.startOver(out))
                .hasMessageContaining("gold.revenue (not written by the demo)");
    }

    private Path table(String layer, String name) {
        return dir.resolve("lake").resolve(layer).resolve(name);
    }

    private void append(String layer, String name) throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE t (id INT) WITH ('connector' = 'delta', 'path' = '"
                        + table(layer, name)
                        + "')");
        tEnv.executeSql("INSERT INTO t VALUES (1)").await();
        assertThat(Files.exists(table(layer, name).resolve("_delta_log"))).isTrue();
    }
}

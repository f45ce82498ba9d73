package io.tributary.connector.delta;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming jobs that start from empty state on a table an earlier job wrote: their checkpoint ids
 * start again at 1, and neither that nor a recomputed result may corrupt the table.
 */
class DeltaSinkFreshStartITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    Path dir;

    @Test
    void aFreshJobWithTheSameSinkIdIsNotMistakenForAReplay() throws Exception {
        String ddl = "CREATE TABLE events (v INT) WITH ('connector' = 'delta', 'path' = '" + dir.resolve("events")
                + "', 'sink.id' = 'ingest')";
        streamingRun(ddl, "INSERT INTO events VALUES (1), (2)");
        streamingRun(ddl, "INSERT INTO events VALUES (3)");
        assertThat(read(ddl, "SELECT v FROM events ORDER BY v")).containsExactly("+I[1]", "+I[2]", "+I[3]");
    }

    @Test
    void replaceOnStartMakesARecomputedAggregateReplaceTheTable() throws Exception {
        String ddl = "CREATE TABLE totals (k STRING, n BIGINT) WITH ('connector' = 'delta', 'path' = '"
                + dir.resolve("totals") + "', 'sink.replace-on-start' = 'true')";
        String aggregate = "INSERT INTO totals SELECT k, COUNT(*) FROM (VALUES %s) AS t(k) GROUP BY k";
        streamingRun(ddl, String.format(aggregate, "('a'), ('a'), ('b')"));
        // The same job started over, from empty state, over more input: it recomputes everything.
        streamingRun(ddl, String.format(aggregate, "('a'), ('a'), ('b'), ('b'), ('c')"));
        assertThat(read(ddl, "SELECT k, n FROM totals ORDER BY k"))
                .containsExactly("+I[a, 2]", "+I[b, 2]", "+I[c, 1]");
    }

    private static void streamingRun(String ddl, String insert) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.executeSql(ddl);
        tEnv.executeSql(insert).await();
    }

    private static List<String> read(String ddl, String query) throws Exception {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(ddl);
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = batch.executeSql(query).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}

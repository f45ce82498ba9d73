package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.command.LakeQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClusterITCase {
    @TempDir Path lake;

    @BeforeEach
    @AfterEach
    void stop() throws Exception {
        EmbeddedCluster.close();
    }

    @Test
    void jobsOfOneJvmRunOnOneClusterThatOutlivesThem() throws Exception {
        TableEnvironment tEnv = LakeQuery.environment(lakeConf());
        List<Object> answers = new ArrayList<>();
        List<JobID> jobs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            TableResult result = tEnv.executeSql("SELECT " + i + " * 7");
            try (CloseableIterator<Row> rows = result.collect()) {
                answers.add(rows.next().getField(0));
            }
            jobs.add(result.getJobClient().orElseThrow().getJobID());
        }

        assertThat(answers).containsExactly(7, 14, 21);
        assertThat(EmbeddedCluster.sharedClusterJobs()).containsExactlyInAnyOrderElementsOf(jobs);
    }

    @Test
    void aJobWhoseClusterSettingsDifferGetsAClusterOfItsOwn() throws Exception {
        TableResult shared = LakeQuery.environment(lakeConf()).executeSql("SELECT 1");
        shared.await();
        Configuration other = new Configuration();
        other.setString("s3.endpoint", "http://127.0.0.1:1");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(other);
        env.fromData(1, 2, 3).sinkTo(new DiscardingSink<>());
        JobClient own = env.executeAsync("a job of its own");
        own.getJobExecutionResult().get();

        assertThat(EmbeddedCluster.sharedClusterJobs())
                .contains(shared.getJobClient().orElseThrow().getJobID())
                .doesNotContain(own.getJobID());
        assertThat(EmbeddedCluster.clusterSettings(other))
                .containsEntry("s3.endpoint", "http://127.0.0.1:1");
        Configuration slotsOnly = lakeConf();
        slotsOnly.set(TaskManagerOptions.NUM_TASK_SLOTS, 8);
        assertThat(EmbeddedCluster.clusterSettings(slotsOnly)).isEmpty();
    }

    private Configuration lakeConf() {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, lake.toString());
        return conf;
    }
}

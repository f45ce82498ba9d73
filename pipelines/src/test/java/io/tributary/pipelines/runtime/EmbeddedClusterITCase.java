package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.testutils.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aClusterStartedEarlyIsTheOneTheFirstJobRunsOn() throws Exception {
        EmbeddedCluster.install();
        Configuration conf = ExecutionDefaults.apply(lakeConf());
        EmbeddedCluster.startEarly(conf).get();
        assertThat(EmbeddedCluster.isStarted()).isTrue();
        assertThat(EmbeddedCluster.sharedClusterJobs()).isEmpty();

        TableResult result = LakeQuery.environment(lakeConf()).executeSql("SELECT 1");
        result.await();

        assertThat(EmbeddedCluster.sharedClusterJobs())
                .containsExactly(result.getJobClient().orElseThrow().getJobID());
    }

    @Test
    void aCommandPlansWhileTheClusterStartsEarly() throws Exception {
        EmbeddedCluster.install();
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch planned = new CountDownLatch(1);
        // Holds the lock an early start holds while its cluster starts, until the command has
        // installed its environment again, as planning does.
        Thread start =
                new Thread(
                        () -> {
                            synchronized (EmbeddedCluster.class) {
                                starting.countDown();
                                try {
                                    planned.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        });
        start.start();
        starting.await();
        try {
            // A command that waited for the start would wait here for good: the bound only
            // turns that into a failure.
            CompletableFuture.runAsync(EmbeddedCluster::install).get(5, TimeUnit.MINUTES);
        } finally {
            planned.countDown();
            start.join();
        }

        assertThat(EmbeddedCluster.isInstalled()).isTrue();
    }

    @Test
    void aJobHeldForAFailedJobIsNotSubmitted() throws Exception {
        EmbeddedCluster.install();
        LakeQuery.environment(lakeConf()).executeSql("SELECT 1").await();
        Set<JobID> before = EmbeddedCluster.sharedClusterJobs();
        CompletableFuture<Void> previous = new CompletableFuture<>();
        previous.completeExceptionally(new IllegalStateException("silver failed"));

        assertThatThrownBy(() -> EmbeddedSubmissions.submittingAfter(previous, aDiscardingJob()))
                .hasStackTraceContaining("the job before it failed")
                .hasStackTraceContaining("silver failed");
        assertThat(EmbeddedCluster.sharedClusterJobs()).isEqualTo(before);
    }

    @Test
    void aHeldJobRunsOnceTheJobBeforeFinished() throws Exception {
        EmbeddedCluster.install();
        CompletableFuture<Void> previous = new CompletableFuture<>();
        CompletableFuture<JobClient> held = new CompletableFuture<>();
        Thread planner =
                new Thread(
                        () -> {
                            try {
                                held.complete(
                                        EmbeddedSubmissions.submittingAfter(
                                                previous, aDiscardingJob()));
                            } catch (Exception e) {
                                held.completeExceptionally(e);
                            }
                        });
        planner.start();

        // The planning thread waits for the job before, or has submitted without waiting.
        Await.until(
                "the held job waits or is submitted",
                Duration.ofMinutes(1),
                () -> planner.getState() == Thread.State.WAITING || held.isDone());
        assertThat(held).as("submitted before the job it waits for finished").isNotDone();
        previous.complete(null);

        JobClient job = held.get();
        job.getJobExecutionResult().get();
        assertThat(EmbeddedCluster.sharedClusterJobs()).contains(job.getJobID());
    }

    private Callable<JobClient> aDiscardingJob() {
        return () -> {
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(
                            ExecutionDefaults.apply(lakeConf()));
            env.fromData(1, 2, 3).sinkTo(new DiscardingSink<>());
            return env.executeAsync("gold");
        };
    }

    private Configuration lakeConf() {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, lake.toString());
        return conf;
    }
}

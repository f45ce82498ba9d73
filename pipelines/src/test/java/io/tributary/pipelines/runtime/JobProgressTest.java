package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;

/**
 * The progress report of a job that ends while it is being asked for progress: a local job's
 * cluster is gone by then, and the report must wait for the result instead of failing the run.
 */
class JobProgressTest {
    @Test
    void aJobThatEndsBetweenTwoProgressReadsEndsTheWaitWithItsResult() throws Exception {
        CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        JobClient endingJob =
                new JobClient() {
                    @Override
                    public CompletableFuture<Map<String, Object>> getAccumulators() {
                        // The job ends as the accumulators are asked for, and its cluster with it.
                        result.complete(new JobExecutionResult(new JobID(), 1, Map.of()));
                        throw new IllegalStateException(
                                "MiniCluster is not yet running or has already been shut down.");
                    }

                    @Override
                    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
                        return result;
                    }

                    @Override
                    public JobID getJobID() {
                        return new JobID();
                    }

                    @Override
                    public CompletableFuture<JobStatus> getJobStatus() {
                        return CompletableFuture.completedFuture(JobStatus.RUNNING);
                    }

                    @Override
                    public CompletableFuture<Void> cancel() {
                        return CompletableFuture.completedFuture(null);
                    }

                    @Override
                    public CompletableFuture<String> stopWithSavepoint(
                            boolean advanceToEndOfEventTime,
                            String savepointDirectory,
                            SavepointFormatType formatType) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public CompletableFuture<String> triggerSavepoint(
                            String savepointDirectory, SavepointFormatType formatType) {
                        throw new UnsupportedOperationException();
                    }
                };
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new JobProgress(new PrintStream(printed, true, StandardCharsets.UTF_8), 1)
                .await("stage", endingJob);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("stage done");
    }

    @Test
    void countsAreWrittenAsTheySoundWithTheLayerAndTable() {
        Map<String, Written> counts = new LinkedHashMap<>();
        counts.put("tributary.gold.weblogs_summary", new Written(1, 1));
        counts.put("tributary.silver.weblogs_requests", new Written(59_552, 14));
        counts.put("tributary.silver.weblogs_rejects", new Written(0, 0));
        assertThat(JobProgress.describe(counts))
                .isEqualTo(
                        "gold.weblogs_summary 1 row/1 file,"
                                + " silver.weblogs_requests 59,552 rows/14 files,"
                                + " silver.weblogs_rejects 0 rows/0 files");
        assertThat(JobProgress.describe(Map.of())).isEqualTo("starting");
    }
}

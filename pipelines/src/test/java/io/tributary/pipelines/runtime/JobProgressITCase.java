package io.tributary.pipelines.runtime;

import io.tributary.pipelines.testutils.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobProgressITCase {
    @BeforeEach
    @AfterEach
    void stop() throws Exception {
        EmbeddedCluster.close();
    }

    @Test
    void aStreamThatKeepsRestartingSaysWhy() throws Exception {
        EmbeddedCluster.install();
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.fromSequence(1, Long.MAX_VALUE).map(new Unavailable()).sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("a stream whose input is gone");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CompletableFuture<Void> progress =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                new JobProgress(
                                                new PrintStream(
                                                        printed, true, StandardCharsets.UTF_8),
                                                20)
                                        .await("stream", job);
                            } catch (Exception cancelled) {
                                // the test cancels the job once it has seen the report
                            }
                        });
        String reported = "  stream failed, restarting: IllegalStateException: the bucket is gone";
        try {
            Await.until(
                    "the progress reports the failure",
                    Duration.ofMinutes(2),
                    () -> printed.toString(StandardCharsets.UTF_8).contains(reported));
        } finally {
            job.cancel().get();
            progress.get();
        }
    }

    private static final class Unavailable implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            throw new IllegalStateException("the bucket is gone");
        }
    }
}

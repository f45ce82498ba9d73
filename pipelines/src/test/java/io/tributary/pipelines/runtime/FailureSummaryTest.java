package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.SerializedThrowable;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureSummaryTest {
    @Test
    void theInnermostCauseAfterTheMessageThatSaysWhere() {
        Throwable unreachableBroker =
                new FlinkRuntimeException(
                        "Failed to list subscribed topic partitions due to ",
                        new RuntimeException(
                                "Failed to get metadata for topics [weblogs.lines].",
                                new ExecutionException(
                                        new TimeoutException(
                                                "Timed out waiting for a node assignment. Call:"
                                                        + " describeTopics"))));
        String expected =
                "Failed to get metadata for topics [weblogs.lines]: TimeoutException: Timed out"
                        + " waiting for a node assignment. Call: describeTopics";
        assertThat(FailureSummary.of(unreachableBroker)).isEqualTo(expected);
        assertThat(FailureSummary.of(new SerializedThrowable(unreachableBroker)))
                .as("as the cluster reports it")
                .isEqualTo(expected);
        assertThat(FailureSummary.of(new CompletionException(unreachableBroker)))
                .isEqualTo(expected);
    }

    @Test
    void aFailureWithoutCauseOrMessageIsItsName() {
        assertThat(FailureSummary.of(new IllegalStateException("no slots")))
                .isEqualTo("IllegalStateException: no slots");
        assertThat(FailureSummary.of(new SerializedThrowable(new NullPointerException())))
                .isEqualTo("NullPointerException");
        assertThat(FailureSummary.of(new RuntimeException(new IllegalArgumentException("bad"))))
                .as("a wrapper that only repeats its cause adds nothing")
                .isEqualTo("IllegalArgumentException: bad");
    }
}

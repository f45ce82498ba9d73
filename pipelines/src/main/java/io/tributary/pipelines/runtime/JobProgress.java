package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.internal.DeltaWriterOperator;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * Reports a running job's progress — rows and files written per table and elapsed time — from the
 * Delta writers' accumulators, until the job ends.
 */
@Internal
public final class JobProgress {
    private final PrintStream out;
    private final long intervalMillis;

    public JobProgress(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
    }

    /** Waits for the job, printing progress; returns the final counts per table. */
    public Map<String, Written> await(String stage, JobClient job) throws Exception {
        long start = System.nanoTime();
        Failures failures = new Failures();
        CompletableFuture<?> result = job.getJobExecutionResult();
        while (true) {
            try {
                result.get(intervalMillis, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                try {
                    Map<String, Written> counts =
                            counts(
                                    job.getAccumulators()
                                            .get(intervalMillis, TimeUnit.MILLISECONDS));
                    out.println("  " + stage + " … " + describe(counts) + " · " + elapsed(start));
                } catch (TimeoutException | ExecutionException ignored) {
                    // Progress is best effort; the job result decides success.
                } catch (IllegalStateException endedMeanwhile) {
                    // A local job's cluster shuts down as the job ends, possibly between the two
                    // calls above: the next wait returns its result.
                }
                failures.since(job.getJobID())
                        .ifPresent(
                                why -> out.println("  " + stage + " failed, restarting: " + why));
            }
        }
        Map<String, Written> finalCounts =
                counts(job.getJobExecutionResult().get().getAllAccumulatorResults());
        out.println("  " + stage + " done: " + describe(finalCounts) + " · " + elapsed(start));
        return finalCounts;
    }

    /**
     * A job's failures on the embedded cluster, each told once: a stream restarts after one (its
     * restart strategy retries without end), so without them its progress would only show nothing
     * arriving — from a broker that does not answer, say. Elsewhere the cluster's own web UI shows
     * them.
     */
    private static final class Failures {
        private long toldAt;

        Optional<String> since(JobID job) {
            try {
                Optional<MiniCluster> cluster = EmbeddedCluster.running();
                if (cluster.isEmpty()) {
                    return Optional.empty();
                }
                ErrorInfo failure =
                        cluster.get()
                                .getExecutionGraph(job)
                                .get(1, TimeUnit.SECONDS)
                                .getFailureInfo();
                if (failure == null || failure.getTimestamp() <= toldAt) {
                    return Optional.empty();
                }
                toldAt = failure.getTimestamp();
                return Optional.of(FailureSummary.of(failure.getException()));
            } catch (Exception notKnownHere) {
                return Optional.empty(); // not the embedded cluster's job, or it just ended
            }
        }
    }

    static Map<String, Written> counts(Map<String, Object> accumulators) {
        Map<String, Written> counts = new TreeMap<>();
        accumulators.forEach(
                (name, value) -> {
                    long count = ((Number) value).longValue();
                    if (name.startsWith(DeltaWriterOperator.ROWS_ACCUMULATOR_PREFIX)) {
                        counts.merge(
                                name.substring(
                                        DeltaWriterOperator.ROWS_ACCUMULATOR_PREFIX.length()),
                                new Written(count, 0),
                                (was, now) -> was.withRows(count));
                    } else if (name.startsWith(DeltaWriterOperator.FILES_ACCUMULATOR_PREFIX)) {
                        counts.merge(
                                name.substring(
                                        DeltaWriterOperator.FILES_ACCUMULATOR_PREFIX.length()),
                                new Written(0, count),
                                (was, now) -> was.withFiles(count));
                    }
                });
        return counts;
    }

    static String describe(Map<String, Written> counts) {
        if (counts.isEmpty()) {
            return "starting";
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach(
                (table, c) -> {
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    sb.append(shortName(table))
                            .append(' ')
                            .append(count(c.rows(), "row"))
                            .append('/')
                            .append(count(c.files(), "file"));
                });
        return sb.toString();
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String shortName(String sinkId) {
        // Sink ids default to catalog.database.table; the database is the layer.
        String[] parts = sinkId.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : sinkId;
    }

    static String elapsed(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}

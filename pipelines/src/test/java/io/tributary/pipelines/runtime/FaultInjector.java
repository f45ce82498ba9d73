package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.StreamingJob;
import io.tributary.pipelines.testutils.TributaryProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Kills one streaming job again and again, each time at a moment read from the lake: the fault
 * kinds take turns. Between some rounds the job's tables are vacuumed with nothing retained (the
 * files its checkpoint still holds must survive); during others an optimize of its first table runs
 * alongside the job. Most runs resume from the checkpoint the last left; every fourth, from the
 * third on, starts without state, as a deployment whose checkpoints were lost would.
 */
final class FaultInjector {
    /** Where in the job's work the kill lands. */
    enum Fault {
        AFTER_COMMIT("right after a commit of its last table"),
        BETWEEN_SINKS("between its first and last table's commits"),
        FILE_STAGED("with a data file written or staged but not yet committed"),
        LOG_CHECKPOINT("as a log checkpoint was written"),
        RANDOM("at a random point of the feed");

        final String description;

        Fault(String description) {
            this.description = description;
        }
    }

    private final StreamingJob job;
    private final String first;
    private final String last;
    private final List<String> tables;
    private final Random random;
    private final Map<Integer, Runnable> beforeRound = new HashMap<>();
    private Callable<?> beforeVacuum = () -> null;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final StringBuilder journal = new StringBuilder();
    private int injected;
    private int firstFault;

    /**
     * @param first the table the job commits first in a checkpoint, {@code layer/name}
     * @param last the table it commits last
     * @param tables the job's tables, {@code layer.name}, for maintenance
     */
    FaultInjector(StreamingJob job, String first, String last, List<String> tables, Random random) {
        this.job = job;
        this.first = first;
        this.last = last;
        this.tables = List.copyOf(tables);
        this.random = random;
    }

    /**
     * Starts the rotation of moments at the {@code offset}-th kind: jobs started at different kinds
     * cover every kind between them in fewer rounds each.
     */
    FaultInjector firstFault(int offset) {
        this.firstFault = offset;
        return this;
    }

    void beforeRound(int round, Runnable action) {
        beforeRound.put(round, action);
    }

    void beforeVacuum(Callable<?> wait) {
        this.beforeVacuum = wait;
    }

    void inject(int faults, KafkaBroker.Feed feed) {
        try {
            for (int round = 0; round < faults; round++) {
                beforeRound.getOrDefault(round, () -> {}).run();
                round(round, feed);
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    job.pipeline() + ": " + e.getMessage() + "\n" + journal, e);
        }
    }

    private void round(int round, KafkaBroker.Feed feed) throws Exception {
        Fault fault = Fault.values()[(round + firstFault) % Fault.values().length];
        CompletableFuture<Void> optimize = CompletableFuture.completedFuture(null);
        long start = System.nanoTime();
        long underWay;
        boolean fresh = round % 4 == 2;
        try (TributaryProcess.Running running = fresh ? job.startFresh() : job.start()) {
            job.awaitNewCheckpoint(running);
            underWay = System.nanoTime();
            if (round % 4 == 1) {
                optimize =
                        CompletableFuture.runAsync(
                                () ->
                                        FaultHarnessITCase.maintain(
                                                job.configuration().get(TributaryOptions.LAKE_ROOT),
                                                "optimize",
                                                tables.subList(0, 1),
                                                "--target-file-size",
                                                "1mb"));
            }
            String when = awaitMoment(running, fault, feed);
            assertThat(running.isAlive())
                    .as("the job was running when killed:\n%s", running.stderr())
                    .isTrue();
            running.kill();
            injected++;
            counts.merge(when, 1, Integer::sum);
            if (fresh) {
                counts.merge("of a run started without state", 1, Integer::sum);
            }
            journal.append(
                    String.format(
                            "%s round %d%s: first checkpoint after %.1f s, killed %.1f s later %s "
                                    + "(%s at version %d, %s at version %d)%n",
                            job.pipeline(),
                            round + 1,
                            fresh ? " (fresh)" : "",
                            (underWay - start) / 1e9,
                            (System.nanoTime() - underWay) / 1e9,
                            when,
                            first,
                            job.version(first),
                            last,
                            job.version(last)));
        }
        optimize.get();
        if (round % 3 == 2) {
            beforeVacuum.call();
            FaultHarnessITCase.maintain(
                    job.configuration().get(TributaryOptions.LAKE_ROOT),
                    "vacuum",
                    tables,
                    "--retention",
                    "0s",
                    "--force");
            counts.merge("then vacuumed, nothing retained", 1, Integer::sum);
        }
    }

    /** Waits for the fault's moment and says what it was; once the feed has ended, at once. */
    private String awaitMoment(TributaryProcess.Running running, Fault fault, KafkaBroker.Feed feed)
            throws Exception {
        long firstVersion = job.version(first);
        long lastVersion = job.version(last);
        switch (fault) {
            case AFTER_COMMIT:
                return awaitIncrease(running, "a commit of " + last, () -> job.version(last), feed)
                        ? fault.description
                        : "after the feed ended";
            case BETWEEN_SINKS:
                if (!awaitIncrease(
                        running, "a commit of " + first, () -> job.version(first), feed)) {
                    return "after the feed ended";
                }
                // Only known afterwards: whether the last table had committed too by then.
                return job.version(last) == lastVersion
                        ? fault.description
                        : "right after a checkpoint's commits";
            case FILE_STAGED:
                // A new data file is being written or waits in a checkpoint: its commit follows the
                // checkpoint.
                if (!awaitIncrease(
                        running, "a file staged in " + first, () -> job.dataFiles(first), feed)) {
                    return "after the feed ended";
                }
                return job.version(first) == firstVersion
                        ? fault.description
                        : "right after a checkpoint's commits";
            case LOG_CHECKPOINT:
                return awaitIncrease(
                                running,
                                "a log checkpoint of " + first,
                                () -> job.logCheckpointFiles(first),
                                feed)
                        ? fault.description
                        : "after the feed ended";
            default:
                {
                    int target = feed.sent() + 1 + random.nextInt(500);
                    job.awaitAlive(
                            running,
                            "the feed to pass event " + target,
                            () -> feed.sent() >= target || feed.isDone());
                    return fault.description;
                }
        }
    }

    /** A count the lake shows, such as a table's version. */
    @FunctionalInterface
    private interface Measure {
        long get() throws Exception;
    }

    /** Waits until {@code measure} grows, or the feed has ended; says whether it grew. */
    private boolean awaitIncrease(
            TributaryProcess.Running running, String what, Measure measure, KafkaBroker.Feed feed)
            throws Exception {
        long before = measure.get();
        job.awaitInLake(
                running, what, List.of(first, last), () -> measure.get() > before || feed.isDone());
        return measure.get() > before;
    }

    int injected() {
        return injected;
    }

    String summary() {
        StringBuilder s = new StringBuilder(job.pipeline() + ": " + injected + " kills\n");
        counts.forEach((when, n) -> s.append(String.format("  %3d × %s%n", n, when)));
        return s.toString();
    }

    String journal() {
        return journal.toString();
    }
}

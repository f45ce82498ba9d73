package io.tributary.pipelines.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.execution.JobClient;

/**
 * The jobs of a backfill's stages, each planned while the job before it runs and submitted once
 * that job finished: planning a stage's SQL takes seconds, as long as a small job runs. Only on the
 * embedded cluster, which can hold a submission ({@link EmbeddedSubmissions#submittingAfter});
 * anywhere else a stage is planned when the one before has finished.
 */
@Internal
final class OverlappingStages implements AutoCloseable {
    /** Plans the next stage; null when stages are planned one after the other. */
    private final ExecutorService planner;

    private Future<JobClient> planned;

    OverlappingStages(boolean overlap) {
        this.planner =
                overlap && EmbeddedCluster.isInstalled()
                        ? Executors.newSingleThreadExecutor(OverlappingStages::plannerThread)
                        : null;
    }

    /** The job of the stage planned ahead, or {@code submit}'s job, submitted now. */
    JobClient current(Callable<JobClient> submit) throws Exception {
        if (planned == null) {
            return submit.call();
        }
        try {
            return planned.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        } finally {
            planned = null;
        }
    }

    /** Starts planning the next stage now; its job is submitted once {@code before} completes. */
    void planNext(CompletableFuture<Void> before, Callable<JobClient> submit) {
        if (planner != null) {
            planned = planner.submit(() -> EmbeddedSubmissions.submittingAfter(before, submit));
        }
    }

    @Override
    public void close() {
        if (planner != null) {
            planner.shutdownNow();
        }
    }

    private static Thread plannerThread(Runnable planning) {
        Thread thread = new Thread(planning, "tributary-stage-planner");
        thread.setDaemon(true);
        return thread;
    }
}

package io.tributary.pipelines.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How jobs reach the {@link EmbeddedCluster}: every Flink environment of this JVM submits through
 * it once the cluster is installed; a thread may hold its submissions until the job before them
 * ended ({@link #submittingAfter}), hand the graphs it submits to a recorder ({@link
 * #recordingJobGraphs}), or submit a graph planned before ({@link #submitPlanned}).
 */
@Internal
final class EmbeddedSubmissions {
    /** The {@code execution.target} of jobs sent to the shared cluster. */
    static final String TARGET = "tributary-embedded";

    /** The job a thread's next submissions wait for: see {@link #submittingAfter}. */
    private static final ThreadLocal<CompletableFuture<?>> PREVIOUS = new ThreadLocal<>();

    /** What a thread hands the job graphs it submits: see {@link #recordingJobGraphs}. */
    private static final ThreadLocal<Consumer<JobGraph>> RECORDER = new ThreadLocal<>();

    /** Whether this JVM has sent a job to a cluster: see {@link #submittedAny}. */
    private static volatile boolean submittedAny;

    private EmbeddedSubmissions() {}

    /** Makes every environment Flink hands out in this JVM submit to the shared cluster. */
    static void installContext() {
        Context.set();
    }

    /** A job's settings as the shared cluster's environments give them. */
    static Configuration jobConfiguration(Configuration conf) {
        return Context.jobConfiguration(conf);
    }

    /**
     * Runs {@code planAndSubmit} on this thread with the jobs it submits held until {@code
     * previous} completes, and refused if it fails: a job can be planned while the job whose tables
     * it reads still runs. Only for the shared cluster ({@link EmbeddedCluster#isInstalled()}).
     */
    static <T> T submittingAfter(CompletableFuture<?> previous, Callable<T> planAndSubmit)
            throws Exception {
        if (!EmbeddedCluster.isInstalled()) {
            throw new IllegalStateException("jobs are not sent to the embedded cluster");
        }
        PREVIOUS.set(previous);
        try {
            return planAndSubmit.call();
        } finally {
            PREVIOUS.remove();
        }
    }

    /**
     * Runs {@code planAndSubmit} on this thread, handing {@code recorder} the graph of each job it
     * sends to the shared cluster before the cluster takes it: the cluster's adaptive scheduler
     * then sets the parallelism of the graph's vertices, which a graph run again must leave open.
     */
    static <T> T recordingJobGraphs(Consumer<JobGraph> recorder, Callable<T> planAndSubmit)
            throws Exception {
        RECORDER.set(recorder);
        try {
            return planAndSubmit.call();
        } finally {
            RECORDER.remove();
        }
    }

    /**
     * Submits a job graph planned before ({@link #recordingJobGraphs}) to the shared cluster, held
     * as a planned job is ({@link #submittingAfter}). Empty when the shared cluster cannot take it
     * (the job's cluster settings differ, or it needs more slots): then the job is planned as any
     * other and gets a cluster of its own.
     */
    static Optional<JobClient> submitPlanned(JobGraph jobGraph, Configuration jobConf)
            throws Exception {
        awaitPrevious();
        MiniCluster shared = EmbeddedCluster.sharedFor(jobConfiguration(jobConf));
        if (shared == null) {
            return Optional.empty();
        }
        return Optional.of(
                submitTo(shared, jobGraph, Thread.currentThread().getContextClassLoader()).get());
    }

    /**
     * Whether this JVM has sent a job to an embedded cluster: from then on, a command has done
     * something that running it again would do twice ({@link Compilers}).
     */
    static boolean submittedAny() {
        return submittedAny;
    }

    /** Waits for the job this thread's submissions are held for, if any; refuses if it failed. */
    private static void awaitPrevious() throws InterruptedException {
        CompletableFuture<?> previous = PREVIOUS.get();
        if (previous != null) {
            try {
                previous.get();
            } catch (ExecutionException failed) {
                throw new CancellationException(
                        "not submitted: the job before it failed (" + failed.getCause() + ")");
            }
        }
    }

    private static CompletableFuture<JobClient> submit(
            Pipeline pipeline, Configuration conf, ClassLoader userCodeClassLoader)
            throws Exception {
        synchronized (EmbeddedCluster.class) {
            submittedAny = true;
            MiniCluster shared = EmbeddedCluster.sharedFor(conf);
            if (shared == null) {
                Configuration own = new Configuration(conf);
                own.set(DeploymentOptions.TARGET, "local");
                return LocalExecutor.create(own).execute(pipeline, own, userCodeClassLoader);
            }
            JobGraph jobGraph =
                    PipelineExecutorUtils.getJobGraph(pipeline, conf, userCodeClassLoader);
            Consumer<JobGraph> recorder = RECORDER.get();
            if (recorder != null) {
                recorder.accept(jobGraph);
            }
            return submitTo(shared, jobGraph, userCodeClassLoader);
        }
    }

    private static CompletableFuture<JobClient> submitTo(
            MiniCluster shared, JobGraph jobGraph, ClassLoader userCodeClassLoader) {
        submittedAny = true;
        return shared.submitJob(jobGraph)
                .thenApply(
                        submitted ->
                                new MiniClusterJobClient(
                                        submitted.getJobID(),
                                        shared,
                                        userCodeClassLoader,
                                        MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
    }

    /** The environments Flink hands out in this JVM: each bound to the shared cluster. */
    private static final class Context extends StreamExecutionEnvironment {
        private static final PipelineExecutorServiceLoader EXECUTORS = new Executors();

        private Context() {}

        static void set() {
            initializeContextEnvironment(
                    conf ->
                            new StreamExecutionEnvironment(
                                    EXECUTORS,
                                    jobConfiguration(conf),
                                    Thread.currentThread().getContextClassLoader()));
        }

        static Configuration jobConfiguration(Configuration conf) {
            Configuration job = new Configuration(conf);
            // As Flink's local environment: all cores unless the job says otherwise.
            EmbeddedCluster.setIfAbsent(
                    job,
                    CoreOptions.DEFAULT_PARALLELISM,
                    Runtime.getRuntime().availableProcessors());
            job.set(DeploymentOptions.TARGET, TARGET);
            job.set(DeploymentOptions.ATTACHED, true);
            return job;
        }
    }

    private static final class Executors
            implements PipelineExecutorServiceLoader, PipelineExecutorFactory, PipelineExecutor {
        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration conf) {
            return this;
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of(TARGET);
        }

        @Override
        public String getName() {
            return TARGET;
        }

        @Override
        public boolean isCompatibleWith(Configuration conf) {
            return Objects.equals(conf.get(DeploymentOptions.TARGET), TARGET);
        }

        @Override
        public PipelineExecutor getExecutor(Configuration conf) {
            return this;
        }

        @Override
        public CompletableFuture<JobClient> execute(
                Pipeline pipeline, Configuration conf, ClassLoader userCodeClassLoader)
                throws Exception {
            awaitPrevious();
            return submit(pipeline, conf, userCodeClassLoader);
        }
    }
}

package io.tributary.pipelines.runtime;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Flink cluster jobs run on when Tributary runs outside one (the CLI on a laptop, the tests):
 * one embedded MiniCluster per JVM, started by the first job and shared by every later one.
 *
 * <p>Flink's local executor starts a MiniCluster for each job and stops it after: RPC services,
 * blob server, REST endpoint, a task manager, every time. A backfill runs one job per stage, the
 * demo a dozen, each {@code tributary sql} query one more; profiled, cluster start-ups were a fifth
 * of the CPU a backfill test used. Sharing one changes nothing a job can see: parallelism,
 * checkpointing, state backend and runtime mode are the job's own settings.
 *
 * <p>What only a cluster can have (file system and {@code s3.*} settings, memory, metrics
 * reporters, REST) is taken from the first job's configuration. A later job whose cluster settings
 * differ, or that needs more slots than the shared cluster has, gets a cluster of its own, as Flink
 * would have given it. Nothing is installed when a real cluster provides the environment
 * (application mode, {@code flink run}, a test's own MiniCluster).
 */
@Internal
public final class EmbeddedCluster {
    /** How many jobs of the first job's parallelism fit side by side (a stream and queries). */
    private static final int JOBS_SIDE_BY_SIDE = 4;

    /**
     * What Flink's local executor gives each job's own cluster; the shared one gets it once per job
     * that fits beside the others, so a job sees the memory it saw before.
     */
    private static final MemorySize MANAGED_PER_JOB = MemorySize.ofMebiBytes(128);

    private static final MemorySize NETWORK_PER_JOB = MemorySize.ofMebiBytes(64);

    /** Keys a cluster reads when it starts; a job's own settings are all the others. */
    private static final String[] CLUSTER_PREFIXES = {
        "s3.",
        "fs.",
        "taskmanager.",
        "jobmanager.",
        "metrics.",
        "rest.",
        "blob.",
        "high-availability",
        "security.",
        "pekko.",
        "cluster.",
        "io.tmp.dirs",
        "plugin."
    };

    private static MiniCluster cluster;
    private static Map<String, String> clusterSettings;
    private static int slots;
    private static boolean shutdownHookAdded;

    /** How many times the shared cluster was closed: an early start asked before a close lapses. */
    private static long closes;

    /** Whether this JVM's jobs go to the shared cluster (see {@link #install()}). */
    private static volatile boolean installed;

    private EmbeddedCluster() {}

    /**
     * Sends the jobs of this JVM to the shared cluster, unless a cluster already provides the
     * environment. Idempotent; call it before creating a Flink environment.
     */
    public static void install() {
        if (installed) {
            // Not synchronized: an early start holds the lock while the cluster starts, and the
            // command plans its job meanwhile (a second of a short command on two cores).
            return;
        }
        synchronized (EmbeddedCluster.class) {
            if (!(StreamExecutionEnvironment.getExecutionEnvironment()
                    instanceof LocalStreamEnvironment)) {
                return; // a real cluster's context, a test's MiniCluster, or already installed
            }
            EmbeddedSubmissions.installContext();
            installed = true;
        }
    }

    /** Whether jobs go to the shared cluster: what {@link #startEarly} and holds need. */
    public static boolean isInstalled() {
        return installed;
    }

    /**
     * Starts the shared cluster in the background for jobs of {@code jobConf}, so that it is up
     * when their planning ends instead of starting after it: a second of a short command. Does
     * nothing unless {@link #install installed} or when a cluster runs. The future completes when
     * the cluster is up; a failure to start is also left for the first job to meet and report.
     */
    public static CompletableFuture<Void> startEarly(Configuration jobConf) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        if (!installed) {
            started.complete(null);
            return started;
        }
        Configuration job = EmbeddedSubmissions.jobConfiguration(jobConf);
        long asked;
        synchronized (EmbeddedCluster.class) {
            asked = closes;
        }
        Thread starting =
                new Thread(
                        () -> {
                            try {
                                synchronized (EmbeddedCluster.class) {
                                    if (cluster == null && closes == asked) {
                                        start(job, slotsNeeded(job));
                                    }
                                }
                                started.complete(null);
                            } catch (Exception e) {
                                started.completeExceptionally(e);
                            }
                        },
                        "tributary-embedded-cluster-start");
        starting.setDaemon(true);
        starting.start();
        return started;
    }

    /** Stops the shared cluster, if one was started; the next job starts another. */
    public static synchronized void close() throws Exception {
        closes++;
        if (cluster != null) {
            MiniCluster running = cluster;
            cluster = null;
            clusterSettings = null;
            running.close();
        }
    }

    /** The shared cluster while it runs: what a job's progress asks about its failures. */
    static synchronized Optional<MiniCluster> running() {
        return cluster != null && cluster.isRunning() ? Optional.of(cluster) : Optional.empty();
    }

    @VisibleForTesting
    static boolean isStarted() {
        return running().isPresent();
    }

    /**
     * Cancels the shared cluster's jobs that still run and are not in {@code kept}, and waits up to
     * {@code patience} until they ended: what a command started, when it is cancelled or ended with
     * jobs left running (the command server, which outlives its commands). A cancelled task may
     * take a moment to stop; the next command must not find it still running. A job of a cluster of
     * its own stops with the command's JVM only.
     *
     * @return the jobs it cancelled
     */
    public static Set<JobID> cancelRunningJobsBut(Set<JobID> kept, Duration patience)
            throws Exception {
        MiniCluster running;
        Set<JobID> cancelled = new HashSet<>();
        synchronized (EmbeddedCluster.class) {
            running = cluster;
            if (running == null) {
                return cancelled;
            }
            for (JobStatusMessage job : running.listJobs().get()) {
                if (!job.getJobState().isGloballyTerminalState()
                        && !kept.contains(job.getJobId())) {
                    try {
                        running.cancelJob(job.getJobId()).get();
                        cancelled.add(job.getJobId());
                    } catch (ExecutionException endedMeanwhile) {
                        // the job finished or failed between the listing and the cancel
                    }
                }
            }
        }
        long deadline = System.nanoTime() + patience.toNanos();
        for (JobID job : cancelled) {
            try {
                running.requestJobResult(job)
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException notEnded) {
                // reported by the caller, who sees the job still running
            }
        }
        return cancelled;
    }

    /** The jobs the shared cluster has run or runs; none when it is not started. */
    public static synchronized Set<JobID> sharedClusterJobs() throws Exception {
        if (cluster == null) {
            return Set.of();
        }
        return cluster.listJobs().get().stream()
                .map(JobStatusMessage::getJobId)
                .collect(Collectors.toSet());
    }

    /** The shared cluster, started if need be; null when this job needs a cluster of its own. */
    static synchronized MiniCluster sharedFor(Configuration conf) throws Exception {
        int needed = slotsNeeded(conf);
        if (cluster != null && !cluster.isRunning()) {
            cluster = null;
        }
        if (cluster == null) {
            start(conf, needed);
            return cluster;
        }
        boolean fits = needed <= slots && clusterSettings.equals(clusterSettings(conf));
        return fits ? cluster : null;
    }

    private static int slotsNeeded(Configuration conf) {
        return Math.max(
                conf.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElse(1),
                conf.get(CoreOptions.DEFAULT_PARALLELISM));
    }

    private static void start(Configuration conf, int needed) throws Exception {
        int parallelism = Math.max(1, needed);
        Configuration clusterConf = clusterConfiguration(conf);
        int clusterSlots = parallelism * JOBS_SIDE_BY_SIDE;
        MiniCluster started =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(clusterConf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(clusterSlots)
                                .build());
        started.start();
        cluster = started;
        slots = clusterSlots;
        clusterSettings = clusterSettings(conf);
        if (!shutdownHookAdded) {
            shutdownHookAdded = true;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            close();
                                        } catch (Exception ignored) {
                                            // the JVM is ending: nothing is left to tell
                                        }
                                    },
                                    "tributary-embedded-cluster-shutdown"));
        }
    }

    /** The cluster's own settings: the job's, with this JVM's defaults where the user set none. */
    static Configuration clusterConfiguration(Configuration conf) {
        Configuration clusterConf = new Configuration(conf);
        clusterConf.removeConfig(DeploymentOptions.TARGET);
        setIfAbsent(clusterConf, RestOptions.BIND_PORT, "0");
        setIfAbsent(
                clusterConf,
                TaskManagerOptions.MANAGED_MEMORY_SIZE,
                MANAGED_PER_JOB.multiply(JOBS_SIDE_BY_SIDE));
        MemorySize network = NETWORK_PER_JOB.multiply(JOBS_SIDE_BY_SIDE);
        setIfAbsent(clusterConf, TaskManagerOptions.NETWORK_MEMORY_MIN, network);
        setIfAbsent(clusterConf, TaskManagerOptions.NETWORK_MEMORY_MAX, network);
        // Delegation tokens are how a job manager hands its credentials to task managers on other
        // hosts; this cluster's task manager is this JVM, which has the user's own. Obtaining them
        // loaded Hadoop's configuration and security classes at every start (a fifth of the start,
        // docs/benchmarks.md "Session 29"); a user's own setting still wins.
        setIfAbsent(clusterConf, SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
        return clusterConf;
    }

    /** The settings a cluster reads at start, except the slots a job asks for. */
    @VisibleForTesting
    static Map<String, String> clusterSettings(Configuration conf) {
        Map<String, String> settings = new TreeMap<>();
        conf.toMap()
                .forEach(
                        (key, value) -> {
                            if (!key.equals(TaskManagerOptions.NUM_TASK_SLOTS.key())
                                    && Stream.of(CLUSTER_PREFIXES).anyMatch(key::startsWith)) {
                                settings.put(key, value);
                            }
                        });
        return settings;
    }

    static <T> void setIfAbsent(
            Configuration conf, org.apache.flink.configuration.ConfigOption<T> option, T value) {
        if (!conf.contains(option)) {
            conf.set(option, value);
        }
    }
}

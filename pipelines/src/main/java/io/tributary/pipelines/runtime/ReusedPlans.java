package io.tributary.pipelines.runtime;

import io.tributary.pipelines.runtime.codegen.KeptResults;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job graphs of backfill stages that read only the lake's tables (gold), kept so that a later
 * command runs the job without planning it again: in a new JVM the planner's first run is most of
 * what a short backfill waits for (docs/benchmarks.md, "Session 38"). Flink 1.20 has no compiled
 * plan in batch mode (FLIP-456 came with Flink 2.0); a job graph is what its client sends a
 * cluster, whole.
 *
 * <p>A graph is reused only when everything its planning read is the same, so the key holds all of
 * it: the build ({@value #BUILD_PROPERTY}, which {@code bin/tributary} sets from the jars it runs;
 * without it nothing is kept), the pipeline, job and stage names, each statement as written, which
 * tables are left to streams, and every setting of the job. What would make the same statements
 * plan differently is refused instead of keyed: a pipeline whose Java code registers views or
 * sources for its derived stages from data ({@link Pipeline#derivedPlansReusable()}), a statement
 * that writes a table scoped to the run's inputs, a temporal function (Flink fixes the query's
 * start time into the plan), and a setting Flink counts as secret (a graph carries the job's
 * settings, and the folder is not a place for them). A function whose result is not fixed by its
 * arguments must say so ({@code FunctionDefinition#isDeterministic}), as Flink's own constant
 * folding already requires: the planner folds a deterministic call on literals into the plan.
 *
 * <p>The graphs live in the kept results' folder ({@link KeptResults}, under {@code plans/}), whose
 * checksums make a damaged file a miss; a graph that cannot be read back is planned again.
 */
@Internal
public final class ReusedPlans {
    /**
     * The build this JVM runs: set by {@code bin/tributary}; unset or empty, no graph is kept or
     * reused (the bench's backfills are each a fresh lake's first).
     */
    public static final String BUILD_PROPERTY = "tributary.build";

    /** A graph of the web logs' gold stage takes 1.6 MB: a few dozen are enough for any user. */
    private static final int MAX_PLANS = 48;

    private static final Pattern TEMPORAL_FUNCTION =
            Pattern.compile(
                    "\\b(CURRENT_DATE|CURRENT_TIME|CURRENT_TIMESTAMP|CURRENT_ROW_TIMESTAMP"
                            + "|LOCALTIME|LOCALTIMESTAMP|NOW|PROCTIME|UNIX_TIMESTAMP"
                            + "|CURRENT_WATERMARK)\\b",
                    Pattern.CASE_INSENSITIVE);

    private static final Logger LOG = LoggerFactory.getLogger(ReusedPlans.class);

    /**
     * The jar this code runs from, by path, size and time: a key stays the build's even where the
     * launcher's name for the build is only a checksum.
     */
    private static final String CODE_STAMP = codeStamp();

    /** Jobs submitted from a kept graph in this JVM: what a test of the reuse looks at. */
    private static final AtomicInteger REUSED = new AtomicInteger();

    private final KeptResults plans;
    private final String build;

    @VisibleForTesting
    ReusedPlans(KeptResults kept, String build) {
        this.plans = kept.within("plans", MAX_PLANS);
        this.build = build;
    }

    /** This JVM's kept graphs, when it has a build and a folder of kept results. */
    static Optional<ReusedPlans> ofThisJvm() {
        String build = System.getProperty(BUILD_PROPERTY);
        if (build == null || build.isBlank()) {
            return Optional.empty();
        }
        return KeptResults.ofThisJvm().map(kept -> new ReusedPlans(kept, build));
    }

    /**
     * The key of the job that runs {@code stages} of {@code pipeline} as {@code jobName} with
     * {@code jobConf}, leaving {@code leftToStreams} (per stage) to streams; empty when such a job
     * must be planned every time.
     */
    Optional<KeptResults.Key> keyOf(
            Pipeline pipeline,
            List<Pipeline.Stage> stages,
            List<Set<String>> leftToStreams,
            String jobName,
            Configuration jobConf) {
        if (!pipeline.derivedPlansReusable()) {
            return Optional.empty();
        }
        Map<String, String> settings = new TreeMap<>(jobConf.toMap());
        if (settings.keySet().stream().anyMatch(GlobalConfiguration::isSensitive)) {
            return Optional.empty();
        }
        Set<String> scoped = pipeline.backfillScopes().keySet();
        List<String> parts = new ArrayList<>(List.of(build, CODE_STAMP, pipeline.name(), jobName));
        for (int i = 0; i < stages.size(); i++) {
            Pipeline.Stage stage = stages.get(i);
            if (!stage.isDerived()) {
                return Optional.empty();
            }
            parts.add(stage.name());
            for (String sql : stage.statements()) {
                String target = LiveTables.targetOf(sql);
                if (TEMPORAL_FUNCTION.matcher(sql).find()
                        || (target != null && scoped.contains(target))) {
                    return Optional.empty();
                }
                parts.add(sql);
            }
            parts.add("left to streams: " + new TreeSet<>(leftToStreams.get(i)));
        }
        parts.add(settings.toString());
        return Optional.of(plans.key("jobgraph", parts.toArray(new String[0])));
    }

    /**
     * Submits the job kept under {@code key}; or, when none is kept (or the shared cluster cannot
     * take it), plans and submits it with {@code planAndSubmit} and keeps its graph.
     */
    JobClient submit(KeptResults.Key key, Configuration jobConf, Callable<JobClient> planAndSubmit)
            throws Exception {
        Optional<JobGraph> kept = read(key);
        if (kept.isPresent()) {
            Optional<JobClient> job = EmbeddedSubmissions.submitPlanned(kept.get(), jobConf);
            if (job.isPresent()) {
                REUSED.incrementAndGet();
                LOG.info("Submitted {} as planned before ({})", kept.get().getName(), key);
                return job.get();
            }
        }
        return EmbeddedSubmissions.recordingJobGraphs(graph -> keep(key, graph), planAndSubmit);
    }

    /** How many jobs this JVM submitted from kept graphs. */
    @VisibleForTesting
    static int reusedJobs() {
        return REUSED.get();
    }

    private static String codeStamp() {
        try {
            Path code =
                    Path.of(
                            ReusedPlans.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return Files.isRegularFile(code)
                    ? code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code)
                    : code.toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The graph kept under {@code key}, with a job id of its own; empty when none can be read. */
    @VisibleForTesting
    Optional<JobGraph> read(KeptResults.Key key) {
        return plans.read(key)
                .flatMap(
                        bytes -> {
                            try {
                                JobGraph graph =
                                        InstantiationUtil.deserializeObject(
                                                bytes,
                                                Thread.currentThread().getContextClassLoader());
                                graph.setJobID(new JobID());
                                return Optional.of(graph);
                            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                                LOG.info("Planning again: the kept job graph is unreadable", e);
                                return Optional.empty();
                            }
                        });
    }

    /** Keeps {@code graph} under {@code key}; a graph that cannot be written is planned again. */
    @VisibleForTesting
    void keep(KeptResults.Key key, JobGraph graph) {
        try {
            plans.write(key, InstantiationUtil.serializeObject(graph));
        } catch (IOException | RuntimeException e) {
            LOG.info("Not keeping the job graph of {}", graph.getName(), e);
        }
    }
}

package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaStorage;
import io.tributary.pipelines.runtime.codegen.KeptResults;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.api.config.OptimizerConfigOptions;

/**
 * Runs a pipeline's stages, one Flink job each — or, in a backfill, a derived stage in the job of
 * the stage before it where the pipeline allows and {@link TributaryOptions#BACKFILL_JOBS} says so
 * ({@link TablesAfterCommit}). In batch mode every {@code INSERT INTO} becomes {@code INSERT
 * OVERWRITE}: a backfill replaces what it recomputes, so running it twice leaves the same tables.
 * Tables fed by the run's input (bronze, silver) lose only the rows of the inputs it read ({@link
 * Pipeline#backfillScopes()}); tables computed from whole tables (gold) are replaced whole, or by
 * the partitions written.
 */
@PublicEvolving
public final class PipelineRunner {
    private final Configuration conf;
    private final PrintStream out;

    /** Where the streaming job being submitted checkpoints. */
    private String checkpointDir;

    public PipelineRunner(Configuration conf, PrintStream out) {
        this.conf = conf;
        this.out = out;
    }

    /**
     * Runs every stage and returns rows and files written per table. On the embedded cluster a
     * backfill plans each stage while the one before runs, and submits it once that one finished:
     * planning the SQL of a stage takes seconds, as long as a small job runs.
     */
    public Map<String, Written> run(Pipeline pipeline, PipelineMode mode) throws Exception {
        Map<String, Written> written = new LinkedHashMap<>();
        EmbeddedCluster.install();
        boolean combine =
                mode == PipelineMode.BATCH
                        && conf.get(TributaryOptions.BACKFILL_JOBS)
                                .combines(EmbeddedCluster.isInstalled());
        List<List<Pipeline.Stage>> jobs = jobsOf(pipeline.stages(mode), combine);
        EmbeddedCluster.startEarly(jobConfiguration(mode));
        try (OverlappingStages planned = new OverlappingStages(mode == PipelineMode.BATCH)) {
            for (int i = 0; i < jobs.size(); i++) {
                int index = i;
                String name = nameOf(jobs.get(i));
                JobClient job = planned.current(() -> submit(pipeline, jobs, index, mode));
                CompletableFuture<Void> finished = new CompletableFuture<>();
                if (i + 1 < jobs.size()) {
                    planned.planNext(finished, () -> submit(pipeline, jobs, index + 1, mode));
                }
                try {
                    if (job == null) {
                        out.println(
                                name
                                        + ": every table is kept current by a running stream; skipped");
                    } else {
                        written.putAll(new JobProgress(out, 2_000).await(name, job));
                    }
                    finished.complete(null);
                } catch (Exception | Error e) {
                    finished.completeExceptionally(e);
                    throw e;
                }
            }
        }
        return written;
    }

    /**
     * The stages of each job, in order: one stage per job, except that when {@code combine} (a
     * backfill, {@link TributaryOptions#BACKFILL_JOBS}) a stage that {@link
     * Pipeline.Stage#runsInJobBefore runs in the job before it} joins that job.
     */
    static List<List<Pipeline.Stage>> jobsOf(List<Pipeline.Stage> stages, boolean combine) {
        List<List<Pipeline.Stage>> jobs = new ArrayList<>();
        for (Pipeline.Stage stage : stages) {
            if (combine && stage.runsInJobBefore() && !jobs.isEmpty()) {
                jobs.get(jobs.size() - 1).add(stage);
            } else {
                jobs.add(new ArrayList<>(List.of(stage)));
            }
        }
        return jobs;
    }

    private static String nameOf(List<Pipeline.Stage> job) {
        return job.stream().map(Pipeline.Stage::name).collect(Collectors.joining("; "));
    }

    private JobClient submit(
            Pipeline pipeline, List<List<Pipeline.Stage>> jobs, int index, PipelineMode mode)
            throws Exception {
        String jobName = jobs.size() == 1 ? pipeline.name() : pipeline.name() + "-" + (index + 1);
        return submit(pipeline, jobs.get(index), jobName, mode);
    }

    /**
     * Submits a pipeline's streaming job and returns at once, for callers that watch the tables
     * while it runs and stop it themselves (cancelling keeps its last checkpoint for a resume).
     */
    public JobClient start(Pipeline pipeline) throws Exception {
        List<Pipeline.Stage> stages = pipeline.stages(PipelineMode.STREAMING);
        if (stages.size() != 1) {
            throw new IllegalArgumentException(
                    pipeline.name() + " has " + stages.size() + " streaming stages, not one");
        }
        return submit(pipeline, stages, pipeline.name(), PipelineMode.STREAMING);
    }

    /**
     * The explicit uids of the operators of {@code pipeline}'s streaming job, sorted: what a
     * savepoint's state is matched by, so a test pins them. Plans the job without running it.
     */
    @VisibleForTesting
    public List<String> streamingOperatorUids(Pipeline pipeline) throws Exception {
        List<Pipeline.Stage> stages = pipeline.stages(PipelineMode.STREAMING).subList(0, 1);
        Planned planned =
                plan(
                        pipeline,
                        stages,
                        StreamClaims.read(pipeline, stages, PipelineMode.STREAMING, conf, out),
                        pipeline.name(),
                        PipelineMode.STREAMING);
        planned.statements.attachAsDataStream();
        return planned.env.getStreamGraph().getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull)
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * The plan Flink explains for a backfill's stage {@code stageName} planned as a job of its own,
     * without running it: a test pins the work the planner shares between its statements.
     */
    @VisibleForTesting
    public String explainBackfillStage(Pipeline pipeline, String stageName) throws Exception {
        Pipeline.Stage stage =
                pipeline.stages(PipelineMode.BATCH).stream()
                        .filter(s -> s.name().equals(stageName))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no stage " + stageName));
        List<Pipeline.Stage> stages = List.of(stage);
        StreamClaims claims = StreamClaims.read(pipeline, stages, PipelineMode.BATCH, conf, out);
        return plan(pipeline, stages, claims, pipeline.name(), PipelineMode.BATCH)
                .statements
                .explain();
    }

    private JobClient submit(
            Pipeline pipeline, List<Pipeline.Stage> stages, String jobName, PipelineMode mode)
            throws Exception {
        StreamClaims claims = StreamClaims.read(pipeline, stages, mode, conf, out);
        if (claims.skipsAll()) {
            return null;
        }
        Callable<JobClient> planAndSubmit =
                () -> execute(pipeline, plan(pipeline, stages, claims, jobName, mode), mode);
        if (mode != PipelineMode.BATCH || !EmbeddedCluster.isInstalled()) {
            return planAndSubmit.call();
        }
        Configuration jobConf = jobConfiguration(mode);
        Optional<ReusedPlans> plans = ReusedPlans.ofThisJvm();
        Optional<KeptResults.Key> key =
                plans.flatMap(
                        p -> p.keyOf(pipeline, stages, claims.leftToStreams(), jobName, jobConf));
        return key.isPresent()
                ? plans.get().submit(key.get(), jobConf, planAndSubmit)
                : planAndSubmit.call();
    }

    private JobClient execute(Pipeline pipeline, Planned planned, PipelineMode mode)
            throws Exception {
        if (mode == PipelineMode.STREAMING) {
            // an earlier run's markers would say this one caught up
            forgetCatchUps(LiveTables.catchUpDir(conf, pipeline.name()));
        }
        TableResult result = planned.statements.execute();
        JobClient job = result.getJobClient().orElseThrow();
        if (mode == PipelineMode.STREAMING) {
            RetainedCheckpoints.recordRun(checkpointDir, job.getJobID().toString());
        }
        return job;
    }

    /** A job of one or more stages, planned: its environments and statements. */
    private Planned plan(
            Pipeline pipeline,
            List<Pipeline.Stage> stages,
            StreamClaims claims,
            String jobName,
            PipelineMode mode)
            throws Exception {
        StreamExecutionEnvironment env = environment(jobName, mode);
        StreamTableEnvironment tEnv = tableEnvironment(env, pipeline, mode);
        StreamStatementSet statements = tEnv.createStatementSet();
        Map<String, String> inserts = new LinkedHashMap<>();
        // Which tables have a scope is known up front; the inputs in it once the sources are
        // registered.
        Map<String, BackfillScope> scopes =
                mode == PipelineMode.BATCH ? pipeline.backfillScopes() : Map.of();
        for (int i = 0; i < stages.size(); i++) {
            Pipeline.Stage part = stages.get(i);
            if (claims.skips(i)) {
                continue; // nor are the tables before it shadowed for it
            }
            if (i > 0) {
                // The stages before wrote these tables; this one reads them as they will be.
                inserts.forEach(
                        (table, sql) ->
                                TablesAfterCommit.shadow(tEnv, table, sql, scopes.get(table)));
                inserts.clear();
            }
            if (mode == PipelineMode.BATCH && part.isDerived()) {
                readWholeTablesOnce(tEnv);
                pipeline.registerComputedViews(tEnv, conf, mode);
            }
            for (String sql : part.statements()) {
                String target = LiveTables.targetOf(sql);
                if (claims.leftToStreams().get(i).contains(target)) {
                    continue;
                }
                if (target != null) {
                    inserts.put(target, sql);
                }
                if (mode == PipelineMode.BATCH) {
                    sql = asOverwrite(sql);
                    if (target != null && scopes.containsKey(target)) {
                        sql = SqlHints.withSinkOptions(sql, scopes.get(target).sinkOptions());
                    }
                }
                add(tEnv, statements, sql);
            }
        }
        Pipeline.Stage stage = stages.get(stages.size() - 1);
        if (mode == PipelineMode.STREAMING) {
            // Tables a stream may leave empty (rejects, a quality without a training day yet)
            // exist, and can be queried, from the start.
            inserts.keySet().forEach(table -> LakeCatalog.createIfAbsent(tEnv, table));
            stage.liveReaders().stream()
                    .map(LiveTables::targetOf)
                    .filter(Objects::nonNull)
                    .forEach(table -> LakeCatalog.createIfAbsent(tEnv, table));
        }
        Duration monitor =
                conf.get(TributaryOptions.STREAMING_BOUNDED)
                        ? null
                        : conf.get(TributaryOptions.STREAMING_MONITOR_INTERVAL);
        String catchUp = LiveTables.catchUpDir(conf, pipeline.name());
        for (String table : stage.liveTables()) {
            LiveTables.shadow(tEnv, table, inserts.get(table), monitor, catchUp);
        }
        boolean liveViews = false;
        for (String sql : stage.liveReaders()) {
            if (!liveViews && LiveTables.targetOf(sql) != null) {
                // the readers' views exist; the pipeline's own may read them, its inserts theirs
                pipeline.registerComputedViews(tEnv, conf, mode);
                liveViews = true;
            }
            // A live reader recomputes its whole output from a full read of its inputs.
            add(
                    tEnv,
                    statements,
                    LiveTables.targetOf(sql) == null
                            ? sql
                            : SqlHints.withSinkOptions(
                                    sql, LiveTables.recomputingSinkOptions(catchUp)));
        }
        if (mode == PipelineMode.STREAMING
                && tEnv.getConfig().get(ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED)) {
            MiniBatchJoins.refuse(statements.explain(), pipeline.name());
        }
        return new Planned(env, statements);
    }

    /**
     * A derived stage reads whole tables: a filter pushed into one statement's scan skips next to
     * nothing there, but makes that scan differ from the others' and read the table a second time.
     * Without push-down every statement of the stage shares one scan per table (the weblogs gold
     * read its silver twice). The user's own setting wins.
     */
    private void readWholeTablesOnce(StreamTableEnvironment tEnv) {
        if (!conf.contains(
                OptimizerConfigOptions.TABLE_OPTIMIZER_SOURCE_PREDICATE_PUSHDOWN_ENABLED)) {
            tEnv.getConfig()
                    .set(
                            OptimizerConfigOptions
                                    .TABLE_OPTIMIZER_SOURCE_PREDICATE_PUSHDOWN_ENABLED,
                            false);
        }
    }

    private static final class Planned {
        final StreamExecutionEnvironment env;
        final StreamStatementSet statements;

        Planned(StreamExecutionEnvironment env, StreamStatementSet statements) {
            this.env = env;
            this.statements = statements;
        }
    }

    private static void add(StreamTableEnvironment tEnv, StatementSet statements, String sql) {
        if (sql.regionMatches(true, 0, "INSERT", 0, 6)) {
            statements.addInsertSql(sql);
        } else {
            tEnv.executeSql(sql);
        }
    }

    private StreamExecutionEnvironment environment(String jobName, PipelineMode mode) {
        Configuration jobConf = jobConfiguration(mode);
        if (mode == PipelineMode.STREAMING) {
            checkpointDir = RetainedCheckpoints.configure(jobConf, jobName, out);
        }
        EmbeddedCluster.install();
        return StreamExecutionEnvironment.getExecutionEnvironment(jobConf);
    }

    private Configuration jobConfiguration(PipelineMode mode) {
        Configuration jobConf =
                mode == PipelineMode.STREAMING
                        ? ExecutionDefaults.applyStreaming(conf)
                        : ExecutionDefaults.apply(conf);
        jobConf.set(
                ExecutionOptions.RUNTIME_MODE,
                mode == PipelineMode.BATCH
                        ? RuntimeExecutionMode.BATCH
                        : RuntimeExecutionMode.STREAMING);
        if (mode == PipelineMode.STREAMING
                && !jobConf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            jobConf.set(
                    CheckpointingOptions.CHECKPOINTING_INTERVAL,
                    conf.get(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL));
        }
        // An embedded cluster's file systems take their s3.* keys from this configuration: so does
        // the log writer.
        DeltaStorage.configure(jobConf);
        return jobConf;
    }

    private StreamTableEnvironment tableEnvironment(
            StreamExecutionEnvironment env, Pipeline pipeline, PipelineMode mode) throws Exception {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig()
                .set(
                        "pipeline.name",
                        "tributary " + pipeline.name() + " (" + mode.name().toLowerCase() + ")");
        LakeCatalog.registerDeclared(tEnv, conf, pipeline.tables());
        pipeline.registerSources(env, tEnv, conf, mode);
        return tEnv;
    }

    /** An INSERT INTO as INSERT OVERWRITE; any other statement (a view) as it is. */
    static String asOverwrite(String sql) {
        return InsertStatement.parse(sql).map(insert -> insert.asOverwrite().sql()).orElse(sql);
    }

    private static void forgetCatchUps(String dir) throws IOException {
        org.apache.flink.core.fs.Path folder = new org.apache.flink.core.fs.Path(dir);
        folder.getFileSystem().delete(folder, true);
    }
}

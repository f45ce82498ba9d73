package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaWriterLease;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;

/**
 * What the streams that keep a pipeline's tables current claim of one job's stages, read from the
 * tables' writer leases before the job is planned or reused: a refusal costs nothing, and a job
 * whose every table a stream keeps is not run at all.
 *
 * <p>A backfill leaves a derived table (gold) to the stream that writes it, which recomputes it
 * from the tables the backfill writes; any other table a stream writes is refused, since
 * overwriting it would erase the stream's rows. A stream of its own owns every table it writes.
 */
@Internal
final class StreamClaims {
    private final List<Set<String>> leftToStreams;
    private final List<Boolean> skipped;

    private StreamClaims(List<Set<String>> leftToStreams, List<Boolean> skipped) {
        this.leftToStreams = leftToStreams;
        this.skipped = skipped;
    }

    /**
     * Reads the claims on {@code stages}, run as one job in {@code mode}; tells {@code out} what
     * each claim leaves to a stream. Throws when a backfill would overwrite a stream's own rows.
     */
    static StreamClaims read(
            Pipeline pipeline,
            List<Pipeline.Stage> stages,
            PipelineMode mode,
            ReadableConfig conf,
            PrintStream out) {
        List<Set<String>> left = new ArrayList<>();
        List<Boolean> skipped = new ArrayList<>();
        for (Pipeline.Stage stage : stages) {
            Set<String> stageLeft = leftToStreams(pipeline, stage, mode, conf, out);
            left.add(stageLeft);
            boolean allLeft =
                    stage.statements().stream()
                            .map(LiveTables::targetOf)
                            .allMatch(t -> t == null || stageLeft.contains(t));
            boolean skip = mode == PipelineMode.BATCH && allLeft;
            skipped.add(skip);
            if (skip && stages.size() > 1) {
                out.println(
                        stage.name()
                                + ": every table is kept current by a running stream; skipped");
            }
        }
        return new StreamClaims(left, skipped);
    }

    /** The tables of each stage, in order, that this job leaves to streams. */
    List<Set<String>> leftToStreams() {
        return leftToStreams;
    }

    /** Whether the job runs none of the stage at {@code index}: streams keep all its tables. */
    boolean skips(int index) {
        return skipped.get(index);
    }

    /** Whether the job runs none of its stages. */
    boolean skipsAll() {
        return !skipped.contains(false);
    }

    private static Set<String> leftToStreams(
            Pipeline pipeline,
            Pipeline.Stage stage,
            PipelineMode mode,
            ReadableConfig conf,
            PrintStream out) {
        Set<String> left = new HashSet<>();
        if (mode == PipelineMode.BATCH) {
            Set<String> scoped = pipeline.backfillScopes().keySet();
            for (String sql : stage.statements()) {
                String target = LiveTables.targetOf(sql);
                if (target != null
                        && !scoped.contains(target)
                        && leftToStream(pipeline, stage, target, conf, out)) {
                    left.add(target);
                }
            }
        }
        return left;
    }

    private static boolean leftToStream(
            Pipeline pipeline,
            Pipeline.Stage stage,
            String table,
            ReadableConfig conf,
            PrintStream out) {
        Optional<LakeTable> declared =
                pipeline.tables().stream().filter(t -> t.qualifiedName().equals(table)).findFirst();
        if (declared.isEmpty()) {
            return false;
        }
        Optional<DeltaWriterLease> lease =
                DeltaWriterLease.read(declared.get().location(LakeCatalog.lakeRoot(conf)))
                        .filter(l -> l.isLive(Instant.now()));
        if (lease.isEmpty()) {
            return false;
        }
        if (!stage.isDerived()) {
            throw new ConfigurationError(
                    table
                            + " is written by "
                            + lease.get().describe()
                            + "; a backfill would overwrite the rows it keeps current",
                    "stop that job before backfilling "
                            + table
                            + ", or let the stream load the history");
        }
        out.println("  " + table + ": kept current by " + lease.get().describe() + "; left to it");
        return true;
    }
}

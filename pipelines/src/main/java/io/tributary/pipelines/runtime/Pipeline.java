package io.tributary.pipelines.runtime;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * A pipeline: the lake tables it writes, the sources it reads in each mode, and the SQL stages that
 * turn sources into bronze, silver and gold. Only the sources differ between modes.
 */
@PublicEvolving
public interface Pipeline {
    String name();

    List<LakeTable> tables();

    /** Registers the temporary views the stages read, for the given mode. */
    void registerSources(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode)
            throws Exception;

    /**
     * Views that Java operators compute rather than SQL (the retail model, the metrics series), for
     * the statements that read them: in a stream after the live readers' views and before their
     * inserts; in a backfill before the statements of each {@link Stage#derived derived} stage.
     */
    default void registerComputedViews(
            StreamTableEnvironment tEnv, Configuration conf, PipelineMode mode) throws Exception {}

    /**
     * How many bytes a backfill with {@code conf} reads, decompressed, where the pipeline can tell
     * before it plans anything (its landing files); empty where it cannot (a database, a server). A
     * command started with the client compiler alone runs again with both when its input is large
     * ({@link Compilers}).
     */
    default OptionalLong batchInputBytes(Configuration conf) {
        return OptionalLong.empty();
    }

    /**
     * Whether a backfill's {@link Stage#derived derived} stages plan the same job whenever their
     * statements, the settings and the build are the same: then a later command may run the job
     * planned before instead of planning it again ({@code ReusedPlans}). False for a pipeline whose
     * {@link #registerComputedViews} or {@link #registerSources} give those stages something read
     * from data at planning (the metrics pipeline's SLA definitions).
     */
    default boolean derivedPlansReusable() {
        return false;
    }

    /**
     * Batch mode: the tables whose backfill replaces only the rows of the inputs that run read, by
     * qualified name. The tables are known at any time; the inputs once {@link #registerSources}
     * has listed them. The other tables a backfill writes are replaced whole, or by the partitions
     * it writes: tables computed from whole tables (gold).
     */
    default Map<String, BackfillScope> backfillScopes() {
        return Map.of();
    }

    /** Stages in order; each runs as one Flink job. */
    List<Stage> stages(PipelineMode mode);

    /**
     * A named group of statements that runs as one job: views first, then inserts. A streaming
     * stage may go on with statements that read tables it writes itself; those reads see the
     * tables' committed rows plus this job's own rows as they are produced (see {@link
     * LiveTables}), and those statements recompute their whole output.
     */
    final class Stage {
        private final String name;
        private final List<String> statements;
        private final List<String> liveTables;
        private final List<String> liveReaders;
        private final boolean derived;
        private final boolean inJobBefore;

        public Stage(String name, List<String> statements) {
            this(name, statements, List.of(), List.of(), false, false);
        }

        public Stage(
                String name,
                List<String> statements,
                List<String> liveTables,
                List<String> liveReaders) {
            this(name, statements, liveTables, liveReaders, false, false);
        }

        private Stage(
                String name,
                List<String> statements,
                List<String> liveTables,
                List<String> liveReaders,
                boolean derived,
                boolean inJobBefore) {
            this.name = name;
            this.statements = List.copyOf(statements);
            this.liveTables = List.copyOf(liveTables);
            this.liveReaders = List.copyOf(liveReaders);
            this.derived = derived;
            this.inJobBefore = inJobBefore;
        }

        /**
         * A batch stage that computes its tables from lake tables alone (gold from silver). A table
         * of it that a running stream keeps current is left to the stream, which recomputes it from
         * the same tables as the backfill's commits arrive.
         */
        public static Stage derived(String name, List<String> statements) {
            return new Stage(name, statements, List.of(), List.of(), true, false);
        }

        /**
         * This derived stage, run in a backfill by the job of the stage before it: it reads the
         * tables that stage writes as they will be once it commits (their rows outside the
         * backfill's scope, plus the rows the job writes), so the tables are not read back after
         * the commit and one job is planned and started instead of two. The stage before must scope
         * its tables by inputs ({@link BackfillScope#ofInputs}) or replace them whole.
         */
        public Stage inJobBefore() {
            if (!derived) {
                throw new IllegalStateException(
                        "stage '" + name + "': only a derived stage runs in the job before it");
            }
            return new Stage(name, statements, liveTables, liveReaders, true, true);
        }

        public boolean isDerived() {
            return derived;
        }

        /** Whether a backfill runs this stage in the job of the stage before it. */
        public boolean runsInJobBefore() {
            return inJobBefore;
        }

        public String name() {
            return name;
        }

        public List<String> statements() {
            return statements;
        }

        /** Tables written by {@link #statements()} that {@link #liveReaders()} read live. */
        public List<String> liveTables() {
            return liveTables;
        }

        public List<String> liveReaders() {
            return liveReaders;
        }
    }
}

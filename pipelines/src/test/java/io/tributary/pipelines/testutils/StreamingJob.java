package io.tributary.pipelines.testutils;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.runtime.RetainedCheckpoints;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;

/**
 * A streaming pipeline run as {@code bin/tributary} runs it, in a process of its own that a test
 * can kill outright, with what a test watches to choose the moment: its tables' versions, its
 * checkpoints (complete, or being written), its log checkpoints.
 */
public final class StreamingJob {
    public static final Duration PATIENCE = Duration.ofMinutes(3);

    private final String pipeline;
    private final String lake;
    private final List<String> args;
    private final TributaryProcess tributary;

    /**
     * @param pipelineArgs the CLI arguments after {@code run <pipeline>}, without the lake settings
     */
    public StreamingJob(String pipeline, String lake, List<String> pipelineArgs) throws Exception {
        this.pipeline = pipeline;
        this.lake = lake;
        this.args = new ArrayList<>(List.of("run", pipeline));
        args.addAll(pipelineArgs);
        args.addAll(
                List.of(
                        "-D",
                        TributaryOptions.LAKE_ROOT.key() + "=" + lake,
                        "-D",
                        TributaryOptions.STREAMING_CHECKPOINT_INTERVAL.key() + "=500ms",
                        "-D",
                        TributaryOptions.SINK_TARGET_FILE_SIZE.key() + "=64kb"));
        this.tributary = TributaryProcess.fromBuild();
    }

    public String pipeline() {
        return pipeline;
    }

    public TributaryProcess.Running start(String... extraArgs) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(extraArgs));
        return tributary.start(all.toArray(String[]::new));
    }

    /** Starts the job without state, even when its arguments say {@code --resume}. */
    public TributaryProcess.Running startFresh() throws Exception {
        List<String> all = new ArrayList<>(args);
        all.remove("--resume");
        return tributary.start(all.toArray(String[]::new));
    }

    public Lake lake() {
        return new Lake(configuration());
    }

    public Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, lake);
        return conf;
    }

    /** The folder of this pipeline's runs' checkpoints. */
    public String checkpoints() {
        return RetainedCheckpoints.directory(configuration(), pipeline);
    }

    /** Waits for a complete checkpoint newer than any before the call, and returns it. */
    public String awaitNewCheckpoint(TributaryProcess.Running job) throws Exception {
        Optional<String> before = RetainedCheckpoints.latest(checkpoints());
        awaitAlive(
                job,
                "a first checkpoint of this run",
                () ->
                        RetainedCheckpoints.latest(checkpoints())
                                .filter(c -> !Optional.of(c).equals(before))
                                .isPresent());
        return RetainedCheckpoints.latest(checkpoints()).orElseThrow();
    }

    /** Waits, failing at once if the job died meanwhile. */
    public void awaitAlive(TributaryProcess.Running job, String what, Await.Condition condition)
            throws Exception {
        Await.until(what, PATIENCE, whileAlive(job, what, condition));
    }

    /**
     * Waits for a state of the given tables that may last only moments (a commit landed, a file
     * staged): the condition is checked again as soon as a file appears in a table's folder, its
     * partitions or its log, so the wait wakes on the event rather than on a polling period.
     * Folders that appear later are seen by a check at least every 100 ms.
     */
    public void awaitInLake(
            TributaryProcess.Running job,
            String what,
            List<String> tables,
            Await.Condition condition)
            throws Exception {
        Await.Condition alive = whileAlive(job, what, condition);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            for (String table : tables) {
                Path folder = Path.of(lake, table);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> dirs = Files.walk(folder, 3)) {
                        for (Path dir :
                                (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                        }
                    }
                }
            }
            while (!alive.holds()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "Timed out after " + PATIENCE + " waiting until " + what);
                }
                WatchKey key = watch.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    /** The condition, failing at once if the job died meanwhile. */
    public Await.Condition whileAlive(
            TributaryProcess.Running job, String what, Await.Condition condition) {
        return () -> {
            if (!job.isAlive()) {
                throw new AssertionError(
                        "The job died waiting for " + what + ":\n" + job.stderr() + job.stdout());
            }
            return condition.holds();
        };
    }

    /** A table's version, -1 before its first commit; {@code table} as {@code layer/name}. */
    public long version(String table) {
        return DeltaTableInfo.load(lake + "/" + table, Map.of())
                .map(DeltaTableInfo::version)
                .orElse(-1L);
    }

    public long rows(String table) {
        return DeltaTableInfo.load(lake + "/" + table, Map.of())
                .map(DeltaTableInfo::rows)
                .orElse(0L);
    }

    /** Log checkpoints of a table, and the hidden files they are written to first. */
    public long logCheckpointFiles(String table) throws Exception {
        Path log = Path.of(lake, table, "_delta_log");
        if (!Files.isDirectory(log)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.contains(".checkpoint."))
                    .count();
        }
    }

    /** Data files in a table's folder, committed or staged: {@code layer/name}. */
    public long dataFiles(String table) throws Exception {
        Path folder = Path.of(lake, table);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(
                            f ->
                                    !f.toString().contains("_delta_log")
                                            && f.toString().endsWith(".parquet"))
                    .count();
        } catch (java.io.UncheckedIOException
                | java.nio.file.NoSuchFileException renamedMeanwhile) {
            return 0;
        }
    }
}

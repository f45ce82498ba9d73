package io.tributary.connector.delta.bench;

import io.delta.kernel.Table;
import io.delta.kernel.engine.Engine;
import io.tributary.connector.delta.DeltaSink;
import io.tributary.connector.delta.internal.DeltaCommittable;
import io.tributary.connector.delta.internal.DeltaCommitter;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.DeltaSinkConfig;
import io.tributary.connector.delta.internal.StagedFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.annotation.Experimental;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.types.logical.RowType;

/**
 * {@code tributary bench delta-log}: the latency of one streaming commit (one staged file, its
 * transaction id checked, the log written, a log checkpoint every tenth commit) on tables whose
 * {@code _delta_log} already holds 1,000, 10,000 and 100,000 entries — what a stream committing
 * every 10 seconds leaves within Kernel's 30 days of log retention.
 *
 * <p>The history is laid down directly, not committed one by one (100,000 commits would take
 * hours): each history version is a commit holding only its commit info, and every tenth a log
 * checkpoint (a link to one real checkpoint, valid because those commits change nothing). The timed
 * commits then go through the sink's own committer, so they list, load and write the log exactly as
 * a running job does. Beside them: how long a listing of the whole folder takes, the cost every
 * commit paid while the log was listed whole.
 */
@Experimental
public final class DeltaLogBenchmark {
    private static final RowType ROW =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("k", DataTypes.STRING()),
                                    DataTypes.FIELD("n", DataTypes.BIGINT()))
                            .getLogicalType();
    private static final String COMMIT_INFO =
            "{\"commitInfo\":{\"timestamp\":%d,\"operation\":\"WRITE\","
                    + "\"operationParameters\":{},\"isBlindAppend\":true,\"engineInfo\":\"tributary-bench-history\"}}\n";

    private final Path dir;
    private final PrintStream out;

    public DeltaLogBenchmark(Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
    }

    /** One row of results: the log's size before the commits, and their latencies. */
    public record Result(long entries, long[] commitMicros, long wholeListingMicros) {
        long percentile(double p) {
            long[] sorted = commitMicros.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }

    public List<Result> run(List<Long> sizes, int commits) throws Exception {
        out.printf(
                "Commit latency by log size: %d commits of one file each, on %d cores%n",
                commits, Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        for (long size : sizes) {
            Path table = dir.resolve("log-" + size);
            Path firstFile = createTable(table);
            long entries = layDownHistory(table, size);
            out.printf("  %,d log entries laid down; committing…%n", entries);
            results.add(
                    new Result(
                            entries,
                            commit(table, firstFile, commits),
                            listWhole(table.resolve("_delta_log"))));
        }
        out.println();
        out.println(
                "| log entries | commits | commit p50 | commit p90 | commit max | listing the whole log once |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            out.printf(
                    "| %,d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    r.entries,
                    r.commitMicros.length,
                    r.percentile(0.5) / 1e3,
                    r.percentile(0.9) / 1e3,
                    r.percentile(1.0) / 1e3,
                    r.wholeListingMicros / 1e3);
        }
        return results;
    }

    /** Version 0: the table with one real row and one real data file, as a Flink job writes it. */
    private static Path createTable(Path table) throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE t (k STRING, n BIGINT) WITH ('connector' = 'delta', 'path' = '"
                        + table.toUri()
                        + "')");
        tEnv.executeSql("INSERT INTO t VALUES ('history', 0)").await();
        try (Stream<Path> files = Files.list(table)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * Versions 1 … size with a log checkpoint every tenth: about {@code size} log entries in all.
     */
    private static long layDownHistory(Path table, long size) throws IOException {
        Path log = table.resolve("_delta_log");
        Engine engine = DeltaEngines.create(Map.of());
        Table.forPath(engine, table.toUri().toString()).checkpoint(engine, 0);
        Path checkpoint = log.resolve(String.format("%020d.checkpoint.parquet", 0));
        long versions = Math.max(1, size * 10 / 11);
        long now = System.currentTimeMillis();
        for (long v = 1; v <= versions; v++) {
            Files.writeString(
                    log.resolve(String.format("%020d.json", v)),
                    String.format(COMMIT_INFO, now),
                    StandardCharsets.UTF_8);
            if (v % 10 == 0) {
                Files.createLink(
                        log.resolve(String.format("%020d.checkpoint.parquet", v)), checkpoint);
            }
        }
        long last = versions / 10 * 10;
        if (last > 0) {
            Files.writeString(
                    log.resolve("_last_checkpoint"),
                    Files.readString(log.resolve("_last_checkpoint"))
                            .replaceFirst("\"version\":0", "\"version\":" + last));
        }
        try (Stream<Path> entries = Files.list(log)) {
            return entries.count();
        }
    }

    /**
     * The timed commits: each stages a copy of the first data file and commits it as a checkpoint
     * would.
     */
    private static long[] commit(Path table, Path firstFile, int commits) throws IOException {
        DeltaSinkConfig config =
                DeltaSink.builder()
                        .tablePath(table.toUri().toString())
                        .rowType(ROW)
                        .sinkId("bench")
                        .build()
                        .config();
        DeltaCommitter committer = new DeltaCommitter(config);
        long[] micros = new long[commits];
        for (int i = 0; i < commits; i++) {
            Path staged = table.resolve("bench-" + i + ".parquet");
            Files.copy(firstFile, staged);
            DeltaCommittable file =
                    new StagedFile(
                            i + 1,
                            staged.toUri().toString(),
                            Files.size(staged),
                            Files.getLastModifiedTime(staged).toMillis(),
                            1,
                            null,
                            Map.of());
            long start = System.nanoTime();
            committer.commit(List.of(file), "bench-stream", i + 1);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        return micros;
    }

    private static long listWhole(Path log) throws IOException {
        org.apache.flink.core.fs.Path folder = new org.apache.flink.core.fs.Path(log.toUri());
        long start = System.nanoTime();
        folder.getFileSystem().listStatus(folder);
        return (System.nanoTime() - start) / 1000;
    }
}

package io.tributary.connector.delta;

import io.delta.kernel.Operation;
import io.delta.kernel.Transaction;
import io.delta.kernel.engine.Engine;
import io.tributary.connector.delta.internal.CommitSummary;
import io.tributary.connector.delta.internal.DeltaCommittable;
import io.tributary.connector.delta.internal.DeltaCommitter;
import io.tributary.connector.delta.internal.DeltaSinkConfig;
import io.tributary.connector.delta.internal.DeltaTables;
import io.tributary.connector.delta.internal.FlinkFileIO;
import io.tributary.connector.delta.internal.PartitionedFileWriter;
import io.tributary.connector.delta.internal.StagedFile;
import io.tributary.connector.delta.internal.TableFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Appends rows to a Delta table without a Flink job, for services that write small tables (SLA
 * definitions): one commit per call, identified by (app id, version) like a sink's checkpoint, so
 * that a version can be written once only. That makes a compare-and-set: two writers of version n
 * of the same app id race, one commits, the other learns it lost.
 */
@PublicEvolving
public final class DeltaTableAppender {
    private final DeltaSinkConfig config;

    public DeltaTableAppender(String location, RowType rowType, Map<String, String> kernelConf) {
        DeltaSink sink =
                DeltaSink.builder()
                        .tablePath(location)
                        .rowType(rowType)
                        .kernelConf(kernelConf)
                        .sinkId(location)
                        .build();
        sink.createTableIfAbsent();
        this.config = sink.config();
    }

    /**
     * Commits the rows as version {@code version} of {@code appId}.
     *
     * @return the new table version; empty when {@code appId} has committed this version or a later
     *     one already (another writer won)
     */
    public Optional<Long> append(List<RowData> rows, String appId, long version)
            throws IOException {
        FlinkFileIO fileIO = new FlinkFileIO(config.kernelConf);
        Engine engine = io.delta.kernel.defaults.engine.DefaultEngine.create(fileIO);
        Transaction txn =
                DeltaTables.transactionBuilder(engine, config, Operation.WRITE).build(engine);
        PartitionedFileWriter files =
                new PartitionedFileWriter(
                        config,
                        fileIO,
                        txn.getTransactionState(engine),
                        "append-" + UUID.randomUUID());
        List<DeltaCommittable> staged = new ArrayList<>();
        try {
            for (RowData row : rows) {
                files.write(row);
            }
            for (StagedFile file : files.finishAll()) {
                staged.add(file.forCheckpoint(version));
            }
        } catch (IOException | RuntimeException e) {
            files.abort();
            throw e;
        }
        Optional<CommitSummary> committed =
                new DeltaCommitter(config).commit(staged, appId, version);
        // The committer takes an (app id, version) it finds in the log as its own (a commit whose
        // answer was lost); here another writer may have put it there: ours only if our files are.
        if (committed.isPresent() && !holdsAny(engine, staged)) {
            committed = Optional.empty();
        }
        if (committed.isEmpty()) {
            for (DeltaCommittable file : staged) {
                fileIO.delete(((StagedFile) file).path());
            }
        }
        return committed.map(summary -> summary.tableVersion);
    }

    private boolean holdsAny(Engine engine, List<DeltaCommittable> staged) {
        Set<String> ours = new HashSet<>();
        for (DeltaCommittable file : staged) {
            ours.add(fileName(((StagedFile) file).path()));
        }
        return DeltaTables.latest(engine, config.tablePath)
                .map(
                        snapshot ->
                                TableFiles.list(engine, snapshot, Optional.empty()).stream()
                                        .anyMatch(f -> ours.contains(fileName(f.path))))
                .orElse(false);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

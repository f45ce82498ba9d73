package io.tributary.connector.delta.internal;

import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.tributary.connector.delta.DeltaMaintenance;
import io.tributary.connector.delta.source.DeltaFileIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.Path;

/**
 * Compacts a table's small files: per partition, files below the target size are packed into groups
 * of about the target size, and each group of two or more is rewritten as one file. The removes and
 * adds go into one commit with {@code dataChange = false}, so streaming readers of the table see no
 * change. A writer that removes one of those files meanwhile makes the commit fail (Kernel detects
 * the double removal); the new files are then deleted and nothing changes.
 */
@Internal
public final class TableCompaction {
    private TableCompaction() {}

    /**
     * @param config the table's schema and partitioning, and the target file size
     */
    public static DeltaMaintenance.Compaction compact(DeltaSinkConfig config) throws IOException {
        FlinkFileIO fileIO = new FlinkFileIO(config.kernelConf);
        Engine engine = DefaultEngine.create(fileIO);
        Snapshot snapshot =
                DeltaTables.latest(engine, config.tablePath)
                        .orElseThrow(
                                () -> new IOException("No Delta table at " + config.tablePath));
        List<TableFiles.TableFile> files = TableFiles.list(engine, snapshot, Optional.empty());
        List<List<TableFiles.TableFile>> groups = groups(files, config.targetFileSize);
        if (groups.isEmpty()) {
            return new DeltaMaintenance.Compaction(-1, files.size(), 0, 0, 0, 0);
        }
        Transaction txn =
                DeltaTables.transactionBuilder(
                                engine, config, Operation.MANUAL_UPDATE, Optional.of(snapshot))
                        .build(engine);
        Row state = txn.getTransactionState(engine);
        PartitionedFileWriter out =
                new PartitionedFileWriter(
                        config, fileIO, state, "compacted-" + snapshot.getVersion());
        List<StagedFile> written = new ArrayList<>();
        List<Row> actions = new ArrayList<>();
        long now = System.currentTimeMillis();
        int removed = 0;
        long bytesRemoved = 0;
        try {
            for (List<TableFiles.TableFile> group : groups) {
                for (TableFiles.TableFile file : group) {
                    try (DeltaFileIterator rows =
                            DeltaFileIterator.open(
                                    config.tablePath,
                                    config.rowType,
                                    config.partitionColumns,
                                    config.kernelConf,
                                    file.path,
                                    file.size,
                                    file.partitionValues)) {
                        while (rows.hasNext()) {
                            out.write(rows.next());
                        }
                    }
                    actions.add(file.removeAction(now, false));
                    removed++;
                    bytesRemoved += file.size;
                }
                written.addAll(out.finishAll());
            }
            for (StagedFile f : written) {
                actions.add(addAction(config, f));
            }
            TransactionCommitResult result =
                    txn.commit(
                            engine,
                            CloseableIterable.inMemoryIterable(
                                    Iterators.closeable(actions.iterator())));
            DeltaTables.runPostCommitHooks(engine, result, config.tablePath);
            return new DeltaMaintenance.Compaction(
                    result.getVersion(),
                    files.size(),
                    removed,
                    written.size(),
                    bytesRemoved,
                    written.stream().mapToLong(StagedFile::size).sum());
        } catch (ConcurrentWriteException e) {
            Optional<Snapshot> latest = DeltaTables.latest(engine, config.tablePath);
            if (latest.isPresent() && holdsAny(engine, latest.get(), written)) {
                // The conflicting commit is this one: its put went in and only the answer was lost.
                return new DeltaMaintenance.Compaction(
                        latest.get().getVersion(),
                        files.size(),
                        removed,
                        written.size(),
                        bytesRemoved,
                        written.stream().mapToLong(StagedFile::size).sum());
            }
            written.forEach(f -> DeltaFileWriter.delete(f.path()));
            throw new IOException(
                    "Delta table "
                            + config.tablePath
                            + ": another writer changed files this "
                            + "compaction rewrote, so nothing was changed; run it again",
                    e);
        } catch (IOException | RuntimeException e) {
            out.abort();
            written.forEach(f -> DeltaFileWriter.delete(f.path()));
            throw e;
        }
    }

    /** Whether the snapshot references one of the files (names are unique to each write). */
    private static boolean holdsAny(Engine engine, Snapshot snapshot, List<StagedFile> written) {
        Set<String> names = new HashSet<>();
        written.forEach(f -> names.add(new Path(f.path()).getName()));
        return TableFiles.list(engine, snapshot, Optional.empty()).stream()
                .anyMatch(f -> names.contains(new Path(f.path).getName()));
    }

    /**
     * Per partition, the small files packed first-fit by size into groups of about the target;
     * groups of one are left.
     */
    static List<List<TableFiles.TableFile>> groups(
            List<TableFiles.TableFile> files, long targetFileSize) {
        Map<Map<String, String>, List<TableFiles.TableFile>> byPartition = new LinkedHashMap<>();
        for (TableFiles.TableFile file : files) {
            if (file.size < targetFileSize && !file.hasDeletionVector) {
                byPartition.computeIfAbsent(file.partitionValues, p -> new ArrayList<>()).add(file);
            }
        }
        List<List<TableFiles.TableFile>> groups = new ArrayList<>();
        for (List<TableFiles.TableFile> small : byPartition.values()) {
            small.sort(Comparator.comparingLong((TableFiles.TableFile f) -> f.size));
            List<TableFiles.TableFile> group = new ArrayList<>();
            long bytes = 0;
            for (TableFiles.TableFile file : small) {
                if (!group.isEmpty() && bytes + file.size > targetFileSize) {
                    addIfSeveral(groups, group);
                    group = new ArrayList<>();
                    bytes = 0;
                }
                group.add(file);
                bytes += file.size;
            }
            addIfSeveral(groups, group);
        }
        return groups;
    }

    private static void addIfSeveral(
            List<List<TableFiles.TableFile>> groups, List<TableFiles.TableFile> group) {
        if (group.size() > 1) {
            groups.add(group);
        }
    }

    private static Row addAction(DeltaSinkConfig config, StagedFile f) throws IOException {
        StructType schema = config.deltaSchema();
        return KernelInternals.addActionWithoutDataChange(
                schema,
                new Path(config.tablePath).toUri(),
                f.fileStatus(schema),
                PartitionValues.toLiterals(f.partition(), schema));
    }
}

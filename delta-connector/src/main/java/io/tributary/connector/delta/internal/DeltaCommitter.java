package io.tributary.connector.delta.internal;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Commits staged files to a Delta table in one transaction, identified by (application id,
 * version) so that a commit replayed after a failure is recognised and skipped. In overwrite mode
 * the same transaction removes the files it replaces: every file of an unpartitioned table, or
 * every file of the partitions the new files belong to (dynamic partition overwrite).
 */
@Internal
public final class DeltaCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaCommitter.class);

    private final DeltaSinkConfig config;
    private final Engine engine;

    public DeltaCommitter(DeltaSinkConfig config) {
        this.config = config;
        this.engine = DeltaEngines.create(config.kernelConf);
    }

    /** Commits the files; returns the new table version, or empty when it was committed before. */
    public Optional<Long> commit(List<DeltaCommittable> files, String appId, long version) throws IOException {
        Optional<Snapshot> before = DeltaTables.latest(engine, config.tablePath);
        Transaction txn;
        try {
            txn = DeltaTables.transactionBuilder(engine, config, Operation.WRITE, before)
                    .withTransactionId(engine, appId, version)
                    .build(engine);
        } catch (ConcurrentTransactionException e) {
            LOG.info("Delta table {}: transaction ({}, {}) was already committed; skipping replay",
                    config.tablePath, appId, version);
            return Optional.empty();
        }
        Row state = txn.getTransactionState(engine);
        StructType schema = config.deltaSchema();
        List<Row> actions = new ArrayList<>();
        for (Map.Entry<LinkedHashMap<String, String>, List<DeltaCommittable>> partition : byPartition(files).entrySet()) {
            Map<String, Literal> literals = literals(partition.getKey(), schema);
            DataWriteContext context = Transaction.getWriteContext(engine, state, literals);
            List<DataFileStatus> statuses = new ArrayList<>();
            for (DeltaCommittable f : partition.getValue()) {
                Optional<DataFileStatistics> stats = f.statsJson == null
                        ? Optional.empty()
                        : DataFileStatistics.deserializeFromJson(f.statsJson, schema);
                statuses.add(new DataFileStatus(f.path, f.size, f.modificationTime, stats));
            }
            try (CloseableIterator<Row> adds = Transaction.generateAppendActions(
                    engine, state, Iterators.closeable(statuses.iterator()), context)) {
                adds.forEachRemaining(actions::add);
            }
        }
        if (config.overwrite && before.isPresent()) {
            actions.addAll(removals(before.get(), files));
        }
        TransactionCommitResult result = txn.commit(engine, CloseableIterable.inMemoryIterable(
                Iterators.closeable(actions.iterator())));
        for (PostCommitHook hook : result.getPostCommitHooks()) {
            // Checkpoints and checksums are optimisations: a failed one must not fail the commit.
            try {
                hook.threadSafeInvoke(engine);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Delta table {}: post-commit {} failed", config.tablePath, hook.getType(), e);
            }
        }
        LOG.info("Delta table {}: committed version {} with {} files ({}, {})", config.tablePath,
                result.getVersion(), files.size(), appId, version);
        return Optional.of(result.getVersion());
    }

    private static Map<LinkedHashMap<String, String>, List<DeltaCommittable>> byPartition(List<DeltaCommittable> files) {
        Map<LinkedHashMap<String, String>, List<DeltaCommittable>> grouped = new LinkedHashMap<>();
        for (DeltaCommittable f : files) {
            grouped.computeIfAbsent(f.partition(), p -> new ArrayList<>()).add(f);
        }
        return grouped;
    }

    private static Map<String, Literal> literals(Map<String, String> values, StructType schema) {
        Map<String, Literal> literals = new HashMap<>();
        values.forEach((column, value) ->
                literals.put(column, PartitionValues.toLiteral(value, schema.get(column).getDataType())));
        return literals;
    }

    /** Remove actions for what an overwrite replaces. */
    private List<Row> removals(Snapshot snapshot, List<DeltaCommittable> files) throws IOException {
        boolean wholeTable = config.partitionColumns.isEmpty();
        Set<Map<String, String>> replaced = new HashSet<>();
        files.forEach(f -> replaced.add(f.partition()));
        Scan scan = snapshot.getScanBuilder().build();
        List<Row> removes = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        Row scanFile = rows.next();
                        if (wholeTable || replaced.contains(InternalScanFileUtils.getPartitionValues(scanFile))) {
                            AddFile add = new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
                            removes.add(SingleAction.createRemoveFileSingleAction(
                                    add.toRemoveFileRow(true, Optional.of(now))));
                        }
                    }
                }
            }
        }
        return removes;
    }
}

package io.tributary.connector.delta.internal;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CommitStateUnknownException;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits staged files to a Delta table in one transaction, identified by (application id, version)
 * so that a commit replayed after a failure is recognised and skipped. In overwrite mode the same
 * transaction removes what it replaces: every file of an unpartitioned table, every file of the
 * partitions the new files belong to (dynamic partition overwrite), or with {@link ReplaceWhere}
 * the rows of the overwrite's scope, wherever they are. A replacing commit removes every file and
 * applies its row changes to an empty table.
 */
@Internal
public final class DeltaCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaCommitter.class);

    private static final int MAX_ATTEMPTS = 10;

    private final DeltaSinkConfig config;
    private final FlinkFileIO fileIO;
    private final Engine engine;
    private final CopyOnWriteMerge merge;

    /** The overwrite's scope, for a sink that replaces by value rather than by partition. */
    private final Optional<ReplaceWhere> scope;

    /** Runs right before each attempt's commit: where a test makes another writer win the race. */
    private Runnable beforeCommit = () -> {};

    /** Runs right after each attempt's look at the table: where a test creates it under us. */
    private Runnable afterLook = () -> {};

    public DeltaCommitter(DeltaSinkConfig config) {
        this(config, new FlinkFileIO(config.kernelConf));
    }

    @VisibleForTesting
    DeltaCommitter(DeltaSinkConfig config, FlinkFileIO fileIO) {
        this.config = config;
        this.fileIO = fileIO;
        this.engine = DefaultEngine.create(fileIO);
        this.merge = new CopyOnWriteMerge(config, engine);
        this.scope = ReplaceWhere.of(config);
    }

    @VisibleForTesting
    void beforeEachCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    @VisibleForTesting
    void afterEachLook(Runnable hook) {
        this.afterLook = hook;
    }

    /** The last version this app id committed to the table, if any. */
    public Optional<Long> lastCommitted(String appId) {
        return DeltaTables.latest(engine, config.tablePath)
                .flatMap(snapshot -> lastCommitted(snapshot, appId));
    }

    private Optional<Long> lastCommitted(Snapshot snapshot, String appId) {
        return KernelInternals.latestTransactionVersion(snapshot, engine, appId);
    }

    /**
     * Commits staged files and merges row changes; returns the new table version, or empty when
     * this (app id, version) was committed before. A commit that loses a race with another writer
     * of the table is built again on top of the winner, up to {@value #MAX_ATTEMPTS} times.
     */
    public Optional<CommitSummary> commit(List<DeltaCommittable> items, String appId, long version)
            throws IOException {
        return commit(items, appId, version, false);
    }

    /**
     * As {@link #commit(List, String, long)}; with {@code replace} the items' earliest checkpoint
     * replaces the whole table.
     *
     * <p>The items may span several checkpoints (a checkpoint's completion can be notified late, or
     * not at all, and a restored state can hold a checkpoint whose commit happened after it was
     * taken). Items of checkpoints this app id has committed already are left out, so no checkpoint
     * is applied twice: for changelog tables a second application would add rows again and retract
     * rows the first one had already retracted.
     */
    public Optional<CommitSummary> commit(
            List<DeltaCommittable> items, String appId, long version, boolean replace)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            List<StagedFile> rewritten = new ArrayList<>();
            try {
                return attempt(items, appId, version, replace, rewritten, attempt - 1);
            } catch (ConcurrentWriteException
                    | MaxCommitRetryLimitReachedException
                    | CommitStateUnknownException
                    | TableAlreadyExistsException
                    | TableNotFoundException e) {
                // TableAlreadyExists: another writer created the table between this attempt's look
                // and its CREATE; the next attempt appends to it. TableNotFound: Kernel's own look
                // at a table this attempt had just seen found no log (a listing taken while other
                // writers move files into the log folder); the next attempt looks again.
                // CommitStateUnknown: Kernel lost a race after retrying a put whose outcome it did
                // not know; the transaction id below tells whether that put went in.
                Optional<Snapshot> now = DeltaTables.latest(engine, config.tablePath);
                if (now.flatMap(s -> lastCommitted(s, appId)).orElse(Long.MIN_VALUE) >= version) {
                    // The "winner" is this very commit: its put went in and only the answer was
                    // lost
                    // (a retried S3 PUT answered 409 or 412). Its files are the table's now.
                    LOG.warn(
                            "Delta table {}: commit ({}, {}) is in the log although its write reported a "
                                    + "conflict (an answer lost on the way); taking it as committed",
                            config.tablePath,
                            appId,
                            version);
                    return Optional.of(
                            new CommitSummary(now.get().getVersion(), List.of(), 0, attempt - 1));
                }
                // Files this attempt wrote for the merge are not in the log; the next attempt
                // writes its own.
                rewritten.forEach(f -> DeltaFileWriter.delete(f.path()));
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IOException(
                            "Delta table "
                                    + config.tablePath
                                    + ": commit ("
                                    + appId
                                    + ", "
                                    + version
                                    + ") lost "
                                    + attempt
                                    + " races with other writers; giving up",
                            e);
                }
                LOG.info(
                        "Delta table {}: concurrent commit ({}); retrying ({} of {})",
                        config.tablePath,
                        e.getMessage(),
                        attempt + 1,
                        MAX_ATTEMPTS);
            }
        }
    }

    private Optional<CommitSummary> attempt(
            List<DeltaCommittable> items,
            String appId,
            long version,
            boolean replace,
            List<StagedFile> rewritten,
            int retries)
            throws IOException {
        Optional<Snapshot> before = DeltaTables.latest(engine, config.tablePath);
        afterLook.run();
        Transaction txn;
        try {
            TransactionBuilder builder =
                    DeltaTables.transactionBuilder(engine, config, Operation.WRITE, before)
                            .withTransactionId(engine, appId, version);
            if (before.isPresent() && readsTable(items, replace)) {
                // Kernel rebases a losing commit onto the winner checking only the files both
                // removed;
                // a commit computed from the rows it read (a merge, a scoped overwrite) would then
                // miss
                // the winner's rows, e.g. both writers adding the same new key. Such a commit is
                // built
                // again from the new snapshot instead.
                builder = builder.withMaxRetries(0);
            }
            txn = builder.build(engine);
        } catch (ConcurrentTransactionException e) {
            LOG.info(
                    "Delta table {}: transaction ({}, {}) was already committed; skipping replay",
                    config.tablePath,
                    appId,
                    version);
            return Optional.empty();
        }
        // Read from the snapshot this transaction builds on, so the check and the commit agree.
        long committed = before.flatMap(s -> lastCommitted(s, appId)).orElse(Long.MIN_VALUE);
        List<StagedFile> files = new ArrayList<>();
        List<RowChange> changes = new ArrayList<>();
        int skipped = 0;
        for (DeltaCommittable c : items) {
            if (c.checkpointId() <= committed) {
                skipped++;
            } else if (c instanceof RowChange) {
                changes.add((RowChange) c);
            } else {
                files.add((StagedFile) c);
            }
        }
        if (skipped > 0) {
            // The replacing checkpoint is the earliest one; it was among those committed.
            replace = false;
            LOG.info(
                    "Delta table {}: {} item(s) of checkpoints up to {} were committed before; committing the rest "
                            + "as ({}, {})",
                    config.tablePath,
                    skipped,
                    committed,
                    appId,
                    version);
        }
        Row state = txn.getTransactionState(engine);
        List<Row> removes = new ArrayList<>();
        if (!changes.isEmpty()) {
            PartitionedFileWriter out =
                    new PartitionedFileWriter(
                            config, fileIO, state, String.format("merge-%05d", version % 100_000));
            try {
                if (before.isPresent() && !replace) {
                    removes.addAll(merge.apply(before.get(), merge.fold(changes), out));
                } else {
                    merge.apply(null, merge.fold(changes), out);
                }
                rewritten.addAll(out.finishAll());
            } catch (IOException | RuntimeException e) {
                out.abort();
                rewritten.forEach(f -> DeltaFileWriter.delete(f.path()));
                throw e;
            }
        }
        if (!replace && scope.isPresent() && before.isPresent()) {
            PartitionedFileWriter out =
                    new PartitionedFileWriter(
                            config,
                            fileIO,
                            state,
                            String.format("replace-%05d", version % 100_000));
            try {
                removes.addAll(
                        scope.get().removeScopedRows(before.get(), config, engine, out, files));
                rewritten.addAll(out.finishAll());
            } catch (IOException | RuntimeException e) {
                out.abort();
                rewritten.forEach(f -> DeltaFileWriter.delete(f.path()));
                throw e;
            }
        } else if ((config.overwrite || replace) && before.isPresent()) {
            removes.addAll(removals(before.get(), files, replace));
        }
        List<StagedFile> added = new ArrayList<>(files);
        added.addAll(rewritten);
        List<Row> actions = new ArrayList<>(removes);
        actions.addAll(appendActions(state, added));
        beforeCommit.run();
        TransactionCommitResult result =
                txn.commit(
                        engine,
                        CloseableIterable.inMemoryIterable(
                                Iterators.closeable(actions.iterator())));
        DeltaTables.runPostCommitHooks(engine, result, config.tablePath);
        LOG.info(
                "Delta table {}: committed version {} with {} files and {} row changes ({}, {}){}",
                config.tablePath,
                result.getVersion(),
                files.size(),
                changes.size(),
                appId,
                version,
                replace ? ", replacing the table" : "");
        return Optional.of(new CommitSummary(result.getVersion(), added, removes.size(), retries));
    }

    /** Whether the commit's actions depend on the rows of the snapshot it builds on. */
    private boolean readsTable(List<DeltaCommittable> items, boolean replace) {
        return !replace
                && (items.stream().anyMatch(DeltaCommittable::isChange) || scope.isPresent());
    }

    private List<Row> appendActions(Row state, List<StagedFile> files) throws IOException {
        StructType schema = config.deltaSchema();
        KernelInternals.WriteContexts contexts = new KernelInternals.WriteContexts(state);
        List<Row> actions = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<StagedFile>> partition :
                byPartition(files).entrySet()) {
            DataWriteContext context =
                    contexts.context(PartitionValues.toLiterals(partition.getKey(), schema));
            List<DataFileStatus> statuses = new ArrayList<>();
            for (StagedFile f : partition.getValue()) {
                statuses.add(f.fileStatus(schema));
            }
            actions.addAll(contexts.appendActions(statuses, context));
        }
        return actions;
    }

    private static Map<Map<String, String>, List<StagedFile>> byPartition(List<StagedFile> files) {
        Map<Map<String, String>, List<StagedFile>> grouped = new LinkedHashMap<>();
        for (StagedFile f : files) {
            grouped.computeIfAbsent(f.partition(), p -> new ArrayList<>()).add(f);
        }
        return grouped;
    }

    /** Remove actions for what an overwrite replaces. */
    private List<Row> removals(Snapshot snapshot, List<StagedFile> files, boolean replace) {
        boolean wholeTable = replace || config.partitionColumns.isEmpty();
        Set<Map<String, String>> replaced = new HashSet<>();
        files.forEach(f -> replaced.add(f.partition()));
        long now = System.currentTimeMillis();
        List<Row> removes = new ArrayList<>();
        for (TableFiles.TableFile file : TableFiles.list(engine, snapshot, Optional.empty())) {
            if (wholeTable || replaced.contains(file.partitionValues)) {
                removes.add(file.removeAction(now));
            }
        }
        return removes;
    }
}

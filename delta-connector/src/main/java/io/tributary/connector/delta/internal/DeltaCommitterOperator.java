package io.tributary.connector.delta.internal;

import io.tributary.connector.delta.DeltaWriterLease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;
import org.apache.flink.streaming.api.operators.util.SimpleVersionedListState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single, global committer of a Delta sink (parallelism 1).
 *
 * <p>Files that arrive before checkpoint barrier {@code n} belong to checkpoint {@code n}; they are
 * kept in operator state and committed when the checkpoint completes, with Delta transaction id
 * ({@code app id}, {@code n}). After a failure, the files of the restored checkpoint are committed
 * again: if that commit had already happened, Delta's transaction id makes the replay a no-op.
 *
 * <p>The app id is the sink id plus the id of the job that started from empty state; it is kept in
 * state, so restored and redeployed jobs keep it, while a fresh start (whose checkpoint ids begin
 * again at 1) gets a new one and is never mistaken for a replay. With {@code replace-on-start}, a
 * fresh start's first commit that carries anything replaces the table; with a catch-up folder as
 * well, that commit waits (its changes kept in state) until the job's sources have read their
 * tables as of the start ({@link CatchUpMarkers}).
 *
 * <p>In batch mode (no checkpoints) everything is committed once, at end of input, under an id that
 * is unique to the job, so a restarted attempt of the same job does not commit twice.
 *
 * <p>State, all of it versioned: {@value #PENDING} (the committables of checkpoints not yet
 * committed, {@link DeltaCommittableSerializer}), {@value #LINEAGE} ({@link Lineage.Serializer})
 * and {@value #ROW_TYPE} (the row type the pending row changes were encoded with, as Flink's type
 * string). State of the first releases (POJO committables under other names) is refused with a
 * message rather than silently left behind.
 */
@Internal
public class DeltaCommitterOperator extends AbstractStreamOperator<Void>
        implements OneInputStreamOperator<DeltaCommittable, Void>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeltaCommitterOperator.class);

    private final DeltaSinkConfig config;

    private transient DeltaCommitter committer;
    private transient List<DeltaCommittable> current;
    private transient TreeMap<Long, List<DeltaCommittable>> pending;
    static final String PENDING = "delta-pending-committables";
    static final String LINEAGE = "delta-committer-lineage";
    static final String ROW_TYPE = "delta-pending-row-type";

    /** State names of releases whose committables were POJOs, which this version cannot read. */
    private static final List<String> UNVERSIONED = List.of("delta-pending-files", "delta-lineage");

    private transient ListState<DeltaCommittable> state;
    private transient ListState<Lineage> lineageState;

    /**
     * The row type the pending change rows are encoded with: rows are bytes without a schema (D17).
     */
    private transient ListState<String> rowTypeState;

    /** Delta transaction application id of this job's lineage of checkpoints. */
    private transient String appId;

    /** The checkpoint this job was restored from; -1 for a job started without state. */
    private transient long restoredCheckpoint;

    /** Checkpoint whose commit replaces the table: unset (-1), pending (0), or its id. */
    private transient long replaceCheckpoint;

    private transient CommitMetrics metrics;

    /** The table's lease, where this committer {@link #holdsLease holds one}; null otherwise. */
    private transient CommitterLease lease;

    /** Whether this lineage's pending-files list exists beside the table. */
    private transient boolean hadPendingFiles;

    public DeltaCommitterOperator(DeltaSinkConfig config) {
        this.config = config;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        committer = new DeltaCommitter(config);
        // initializeState runs before open(), and a restore commits right here.
        metrics = new CommitMetrics(getRuntimeContext().getMetricGroup());
        current = new ArrayList<>();
        pending = new TreeMap<>();
        refuseUnversionedState(context);
        state =
                new SimpleVersionedListState<>(
                        context.getOperatorStateStore()
                                .getListState(
                                        new ListStateDescriptor<>(
                                                PENDING, BytePrimitiveArraySerializer.INSTANCE)),
                        DeltaCommittableSerializer.INSTANCE);
        lineageState =
                new SimpleVersionedListState<>(
                        context.getOperatorStateStore()
                                .getListState(
                                        new ListStateDescriptor<>(
                                                LINEAGE, BytePrimitiveArraySerializer.INSTANCE)),
                        Lineage.Serializer.INSTANCE);
        rowTypeState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>(ROW_TYPE, String.class));
        restoreLineage(context.isRestored());
        hadPendingFiles =
                context.isRestored(); // an earlier attempt's list is rewritten, or removed
        restoredCheckpoint = context.getRestoredCheckpointId().orElse(-1L);
        if (holdsLease()) {
            lease =
                    new CommitterLease(
                            config,
                            getRuntimeContext().getJobInfo().getJobName()
                                    + " (job "
                                    + getRuntimeContext().getJobInfo().getJobId()
                                    + ")",
                            appId);
            lease.refuseIfHeldByOther();
        }
        if (context.getRestoredCheckpointId().isPresent()) {
            refuseOlderThanTable(context.getRestoredCheckpointId().getAsLong());
        }
        if (context.isRestored()) {
            Optional<String> written = Optional.empty();
            for (String type : rowTypeState.get()) {
                written = Optional.of(type);
            }
            List<DeltaCommittable> restored;
            try {
                restored =
                        PendingChangeRows.asCurrent(
                                state.get(), written, config.rowType, config.tablePath);
            } catch (IllegalStateException columnsChanged) {
                throw new SuppressRestartsException(columnsChanged);
            }
            for (DeltaCommittable c : restored) {
                pending.computeIfAbsent(c.checkpointId(), id -> new ArrayList<>()).add(c);
            }
            if (!pending.isEmpty()) {
                commitUpTo(pending.lastKey());
            }
        }
    }

    private void refuseUnversionedState(StateInitializationContext context) {
        for (String name : UNVERSIONED) {
            if (context.getOperatorStateStore().getRegisteredStateNames().contains(name)) {
                throw new SuppressRestartsException(
                        new IllegalStateException(
                                "The checkpoint or savepoint this "
                                        + "job was restored from holds the Delta committer state of an earlier Tributary release ('"
                                        + name
                                        + "'), which this release cannot read. Start the job without state (no --resume): "
                                        + "it then continues after what "
                                        + config.tablePath
                                        + " holds."));
            }
        }
    }

    private void restoreLineage(boolean restored) throws Exception {
        List<Lineage> stored = new ArrayList<>();
        if (restored) {
            lineageState.get().forEach(stored::add);
        }
        if (stored.size() == 1) {
            appId = stored.get(0).appId();
            replaceCheckpoint = stored.get(0).replaceCheckpoint();
        } else {
            appId = config.sinkId + "@" + getRuntimeContext().getJobInfo().getJobId();
            if (streaming()) {
                // A job id can repeat (application mode derives a fixed one from the cluster id): a
                // stateless start must not find its commits taken for replays of the last run's.
                // Safe only with checkpoints, which keep the id for every restore after a commit.
                appId +=
                        "/"
                                + Long.toString(System.currentTimeMillis(), 36)
                                + Integer.toString(
                                        ThreadLocalRandom.current().nextInt(1 << 20), 36);
            }
            replaceCheckpoint = config.replaceOnStart && !restored ? 0 : Lineage.NO_REPLACE;
        }
    }

    /**
     * A commit happens only after its checkpoint completed, so the table can never hold a commit of
     * this lineage newer than the newest checkpoint. When it does, the job was restored from an
     * older checkpoint or savepoint: replaying from there would skip commits as already done whose
     * rows now differ, so rows would be lost or doubled. Fail instead, saying why.
     */
    private void refuseOlderThanTable(long restoredCheckpoint) {
        Optional<Long> committed = committer.lastCommitted(appId);
        if (committed.isPresent() && committed.get() > restoredCheckpoint) {
            // No restart can fix this, so the job fails at once instead of restarting forever.
            throw new SuppressRestartsException(
                    new IllegalStateException(
                            "Delta table "
                                    + config.tablePath
                                    + " already holds commit "
                                    + committed.get()
                                    + " of this job ("
                                    + appId
                                    + "), but the job was restored from the older "
                                    + "checkpoint "
                                    + restoredCheckpoint
                                    + ": going on would lose or duplicate rows. Restore from "
                                    + "the newest checkpoint or savepoint, or start the job without state (it then continues "
                                    + "after what the table holds)."));
        }
    }

    /**
     * A streaming changelog sink keeps the table's content (upserts by key, or a result it retracts
     * and replaces), which a second writer would corrupt: it holds the table's lease. Appends from
     * several writers are safe together, so append-only streams take none.
     */
    private boolean holdsLease() {
        return streaming() && config.changelog;
    }

    private boolean streaming() {
        return ((StreamingRuntimeContext) getRuntimeContext()).isCheckpointingEnabled();
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (lease != null) {
            long every = lease.renewalMillis();
            getProcessingTimeService().scheduleWithFixedDelay(time -> lease.renew(), every, every);
        }
        getRuntimeContext()
                .getMetricGroup()
                .gauge(
                        "deltaPendingFiles",
                        () ->
                                current.size()
                                        + pending.values().stream().mapToInt(List::size).sum());
    }

    @Override
    public void processElement(StreamRecord<DeltaCommittable> element) {
        current.add(element.getValue());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        long checkpointId = context.getCheckpointId();
        boolean knownCaughtUp = config.replaceOnStartCatchUpDir != null;
        if (replaceCheckpoint == 0
                && (knownCaughtUp || !current.isEmpty())
                && inputCaughtUp(checkpointId)) {
            // The first checkpoint after the input caught up replaces the table with the job's
            // result: the changes kept until then, this checkpoint's own, or none at all — an empty
            // result empties the table, and a result computed once at start does not wait for the
            // next change. Without a catch-up folder nothing says the input was read, so only a
            // checkpoint with changes replaces (an idle first checkpoint must not empty the table).
            replaceCheckpoint = checkpointId;
            pending.computeIfAbsent(checkpointId, id -> new ArrayList<>());
        }
        if (!current.isEmpty()) {
            List<DeltaCommittable> due =
                    pending.computeIfAbsent(checkpointId, id -> new ArrayList<>());
            current.forEach(c -> due.add(c.forCheckpoint(checkpointId)));
            current = new ArrayList<>();
        }
        List<DeltaCommittable> all = new ArrayList<>();
        pending.values().forEach(all::addAll);
        state.update(all);
        rowTypeState.update(
                PendingChangeRows.describe(config.rowType).map(List::of).orElse(List.of()));
        recordPendingFiles();
        lineageState.update(List.of(new Lineage(appId, replaceCheckpoint)));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        commitUpTo(checkpointId);
    }

    /**
     * Whether this checkpoint's state holds the results of everything the job's sources had to read
     * to catch up: only then may a fresh job replace the table (D13). Until then its changes wait
     * in state, so the table keeps what it held rather than a result of half the input.
     */
    private boolean inputCaughtUp(long checkpointId) {
        if (config.replaceOnStartCatchUpDir == null) {
            return true;
        }
        OptionalLong by = CatchUpMarkers.caughtUpBy(config.replaceOnStartCatchUpDir);
        if (by.isEmpty() || by.getAsLong() > checkpointId) {
            LOG.info(
                    "Delta table {}: checkpoint {} keeps its changes; the table is replaced once the job's "
                            + "sources have caught up",
                    config.tablePath,
                    checkpointId);
            return false;
        }
        return true;
    }

    private void commitUpTo(long checkpointId) throws Exception {
        if (replaceCheckpoint == 0) {
            return; // the first commit replaces the table, once the input has caught up
        }
        Map<Long, List<DeltaCommittable>> due = pending.headMap(checkpointId, true);
        if (due.isEmpty()) {
            return;
        }
        List<DeltaCommittable> files = new ArrayList<>();
        due.values().forEach(files::addAll);
        boolean replace = replaceCheckpoint > 0 && due.containsKey(replaceCheckpoint);
        commit(files, checkpointId, replace);
        due.clear();
        recordPendingFiles();
    }

    /** Keeps the list vacuum respects equal to the staged files this lineage's state holds. */
    private void recordPendingFiles() {
        if (!streaming()) {
            return; // a batch job's files are pending only while it runs, which vacuum's age rule
            // covers
        }
        List<String> files = new ArrayList<>();
        pending.values()
                .forEach(
                        items ->
                                items.stream()
                                        .filter(c -> c instanceof StagedFile)
                                        .forEach(c -> files.add(((StagedFile) c).path())));
        if (!files.isEmpty() || hadPendingFiles) {
            PendingFiles.record(config.tablePath, appId, files);
            hadPendingFiles = !files.isEmpty();
        }
    }

    @Override
    public void endInput() throws Exception {
        if (((StreamingRuntimeContext) getRuntimeContext()).isCheckpointingEnabled()) {
            return; // the final checkpoint commits what is left
        }
        List<DeltaCommittable> files = new ArrayList<>(current);
        pending.values().forEach(files::addAll);
        commit(files, 0L, replaceCheckpoint == 0);
        current.clear();
        pending.clear();
    }

    @Override
    public void close() throws Exception {
        if (lease != null) {
            lease.release();
        }
        super.close();
    }

    private void commit(List<DeltaCommittable> items, long version, boolean replace)
            throws Exception {
        if (config.overwrite && config.replaceWhereColumn == null) {
            Optional<DeltaWriterLease> stream =
                    DeltaWriterLease.heldByOther(config.tablePath, appId, Instant.now());
            if (stream.isPresent()) {
                throw new SuppressRestartsException(
                        new IllegalStateException(
                                "INSERT OVERWRITE of Delta table "
                                        + config.tablePath
                                        + " refused: the table is written by "
                                        + stream.get().describe()
                                        + ". The overwrite would replace rows that job keeps current. Stop it first, or leave "
                                        + "the table to it (a stream recomputes tables it derives from others)."));
            }
        }
        if (lease != null) {
            lease.beforeCommit();
        }
        long start = System.nanoTime();
        Optional<CommitSummary> summary = committer.commit(items, appId, version, replace);
        metrics.record(summary, System.nanoTime() - start);
        if (summary.isEmpty() && version > restoredCheckpoint && version != 0L) {
            // Only checkpoints up to the restored one can have been committed before by this
            // lineage; a later one was committed by another job holding the same lineage (two jobs
            // restored from one savepoint). Taking it for a replay would drop this job's rows.
            throw new SuppressRestartsException(
                    new IllegalStateException(
                            "Delta table "
                                    + config.tablePath
                                    + ": checkpoint "
                                    + version
                                    + " of writer "
                                    + appId
                                    + " was committed by another job with the "
                                    + "same lineage, e.g. a second job restored from the same checkpoint or savepoint. Two jobs "
                                    + "must not write one table from one lineage: stop one of them; this job stops here."));
        }
    }
}

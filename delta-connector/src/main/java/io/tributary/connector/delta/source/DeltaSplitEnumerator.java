package io.tributary.connector.delta.source;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.tributary.connector.delta.internal.CatchUpMarkers;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.DeltaTables;
import io.tributary.connector.delta.internal.UnsupportedTableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.annotation.Nullable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.types.RowKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out a table's files to readers that ask: insertions several at a time while many are
 * pending (a share of what is left, so that readers still end together), deletions one by one.
 * Bounded: the latest snapshot's files, then no more. Continuous: the snapshot, then every later
 * commit's changes as they appear, polled every monitor interval. Splits go out in commit order;
 * insertions may be read side by side, but a deletion waits until every split handed out before it
 * is done, and holds back everything after it, so a row's retraction never overtakes its insertion.
 */
@Internal
final class DeltaSplitEnumerator implements SplitEnumerator<DeltaFileSplit, DeltaEnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaSplitEnumerator.class);

    private final SplitEnumeratorContext<DeltaFileSplit> context;
    private final DeltaReadConfig config;
    private final @Nullable Duration monitorInterval;
    private final ArrayDeque<DeltaFileSplit> pending;
    private final Set<Integer> waiting = new LinkedHashSet<>();

    /**
     * Most splits one request takes: each request is a round trip between reader and coordinator,
     * which for a table of small partition files cost as much as reading one.
     */
    static final int MAX_SPLITS_PER_REQUEST = 16;

    /** The splits each reader is reading: a reader asks for more when done with all of them. */
    private final Map<Integer, List<DeltaFileSplit>> reading = new HashMap<>();

    /** Written on the coordinator thread, read by discovery on a worker thread. */
    private volatile long nextVersion;

    private Engine engine;

    /**
     * Where this source says when it has caught up ({@link CatchUpMarkers}); null if nobody waits.
     */
    private final @Nullable String catchUpDir;

    private final String sourceId = UUID.randomUUID().toString();

    /**
     * What it must read before it has caught up: the snapshot, or everything a restore left
     * pending.
     */
    private final Set<String> toCatchUp = new HashSet<>();

    /**
     * Readers that asked for a split since the start: they are done with what a restore gave them.
     */
    private final Set<Integer> asked = new HashSet<>();

    private long lastCheckpoint;

    /** A restored enumerator learns the checkpoint ids it is among from its first checkpoint. */
    private boolean knowsCheckpoint;

    private boolean caughtUp;

    DeltaSplitEnumerator(
            SplitEnumeratorContext<DeltaFileSplit> context,
            DeltaReadConfig config,
            @Nullable Duration monitorInterval,
            @Nullable DeltaEnumeratorState restored,
            @Nullable String catchUpDir) {
        this.context = context;
        this.config = config;
        this.monitorInterval = monitorInterval;
        this.pending = new ArrayDeque<>(restored == null ? List.of() : restored.pending);
        this.nextVersion = restored == null ? -1 : restored.nextVersion;
        this.catchUpDir = catchUpDir;
        this.knowsCheckpoint = restored == null; // a fresh job's checkpoints start at 1
    }

    @Override
    public void start() {
        engine = DeltaEngines.create(config.kernelConf);
        if (nextVersion < 0) {
            planSnapshot();
        }
        if (catchUpDir != null) {
            pending.forEach(split -> toCatchUp.add(split.splitId()));
            CatchUpMarkers.register(catchUpDir, sourceId);
        }
        if (monitorInterval != null) {
            context.callAsync(this::discover, this::onDiscovered, 0L, monitorInterval.toMillis());
        }
    }

    private void planSnapshot() {
        Optional<Snapshot> snapshot = DeltaTables.latest(engine, config.tablePath);
        if (snapshot.isPresent()) {
            UnsupportedTableException.requireSupported(snapshot.get(), config.tablePath);
            pending.addAll(DeltaSplitPlanner.plan(config, snapshot.get()));
            nextVersion = snapshot.get().getVersion() + 1;
        } else if (monitorInterval == null) {
            throw new IllegalStateException("No Delta table at " + config.tablePath);
        } else {
            nextVersion = 0;
        }
    }

    /** Runs on a worker thread: the splits of commits after the last one seen. */
    private Discovered discover() {
        Optional<Snapshot> latest = DeltaTables.latest(engine, config.tablePath);
        long from = nextVersion;
        if (latest.isEmpty() || latest.get().getVersion() < from) {
            return new Discovered(from, from, List.of());
        }
        long to = latest.get().getVersion();
        UnsupportedTableException.requireSupported(latest.get(), config.tablePath);
        return new Discovered(from, to + 1, DeltaCommitReader.splits(config, engine, from, to));
    }

    private void onDiscovered(Discovered discovered, Throwable error) {
        if (error instanceof UnsupportedTableException) {
            throw (UnsupportedTableException)
                    error; // no retry can fix it: the job fails, saying why
        }
        if (error != null) {
            // A transient storage error: the next poll tries the same versions again.
            LOG.warn(
                    "Delta table {}: cannot read commits from version {}",
                    config.tablePath,
                    nextVersion,
                    error);
            return;
        }
        if (discovered.from != nextVersion) {
            return; // a poll that started before a restore; its versions are read again
        }
        pending.addAll(discovered.splits);
        nextVersion = discovered.next;
        assignWaiting();
    }

    @Override
    public void handleSplitRequest(int subtask, @Nullable String requesterHostname) {
        for (DeltaFileSplit done : reading.getOrDefault(subtask, List.of())) {
            toCatchUp.remove(done.splitId());
        }
        reading.remove(subtask);
        asked.add(subtask);
        waiting.add(subtask);
        assignWaiting();
        markCaughtUp();
    }

    /**
     * Once every split it had to catch up on was read and every reader has asked for more, the
     * records of all of them are ahead of the next checkpoint's barrier: that checkpoint is the
     * first whose state holds their results downstream.
     */
    private void markCaughtUp() {
        if (catchUpDir == null
                || caughtUp
                || !knowsCheckpoint
                || !toCatchUp.isEmpty()
                || !asked.containsAll(context.registeredReaders().keySet())
                || asked.size() < context.currentParallelism()) {
            return;
        }
        CatchUpMarkers.caughtUp(catchUpDir, sourceId, lastCheckpoint + 1);
        caughtUp = true;
        LOG.info(
                "Delta table {}: caught up with what it held at the start, before checkpoint {}",
                config.tablePath,
                lastCheckpoint + 1);
    }

    private boolean mayAssignNext() {
        DeltaFileSplit next = pending.peek();
        if (next == null) {
            return false;
        }
        if (reading.isEmpty()) {
            return true;
        }
        return next.kind == RowKind.INSERT
                && reading.values().stream()
                        .flatMap(List::stream)
                        .allMatch(s -> s.kind == RowKind.INSERT);
    }

    /**
     * The splits for one request: the next one, and, while it and those after it are insertions, up
     * to a quarter of the pending splits per reader.
     */
    private List<DeltaFileSplit> nextSplits() {
        List<DeltaFileSplit> splits = new ArrayList<>();
        splits.add(pending.poll());
        int share = pending.size() / (4 * Math.max(1, context.currentParallelism()));
        int limit = Math.min(MAX_SPLITS_PER_REQUEST, 1 + share);
        while (splits.get(0).kind == RowKind.INSERT
                && splits.size() < limit
                && pending.peek() != null
                && pending.peek().kind == RowKind.INSERT) {
            splits.add(pending.poll());
        }
        return splits;
    }

    private void assignWaiting() {
        for (Integer subtask : List.copyOf(waiting)) {
            if (!context.registeredReaders().containsKey(subtask)) {
                waiting.remove(subtask);
            } else if (mayAssignNext()) {
                List<DeltaFileSplit> splits = nextSplits();
                context.assignSplits(new SplitsAssignment<>(Map.of(subtask, splits)));
                reading.put(subtask, splits);
                waiting.remove(subtask);
            } else if (pending.isEmpty() && monitorInterval == null) {
                context.signalNoMoreSplits(subtask);
                waiting.remove(subtask);
            }
        }
    }

    @Override
    public void addSplitsBack(List<DeltaFileSplit> splits, int subtask) {
        reading.remove(subtask);
        // Returned splits were handed out before everything still pending: they go first.
        for (int i = splits.size() - 1; i >= 0; i--) {
            pending.addFirst(splits.get(i));
        }
    }

    @Override
    public void addReader(int subtask) {
        // Readers ask for splits themselves.
    }

    @Override
    public DeltaEnumeratorState snapshotState(long checkpointId) {
        lastCheckpoint = checkpointId;
        knowsCheckpoint = true;
        markCaughtUp();
        return new DeltaEnumeratorState(nextVersion, List.copyOf(pending));
    }

    @Override
    public void close() {}

    private static final class Discovered {
        final long from;
        final long next;
        final List<DeltaFileSplit> splits;

        Discovered(long from, long next, List<DeltaFileSplit> splits) {
            this.from = from;
            this.next = next;
            this.splits = splits;
        }
    }
}

package io.tributary.connector.kinesis.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Lists the stream's shards and hands each to a reader once its parents are read to their end. A
 * shard's reader is fixed by its number ({@code shardId-000000000007} → 7 modulo the parallelism),
 * so the same shards stay on the same subtask across restarts.
 *
 * <p>A shard found at the first listing starts at the configured initial position, or after the
 * sequence number the source was told to continue after; a shard found later — a child of a split
 * or a merge — starts at its beginning. A bounded source lists once and tells the readers there is
 * nothing more once every shard of that listing has been handed out.
 */
@Internal
public final class ShardEnumerator implements SplitEnumerator<ShardSplit, EnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(ShardEnumerator.class);

    private final SplitEnumeratorContext<ShardSplit> context;
    private final KinesisSourceConfig config;
    private final Set<String> finished;
    private final Set<String> assigned;
    private final Map<String, ShardSplit> pending = new LinkedHashMap<>();
    private long firstListedMillis;

    /** The shards of the latest listing; null until the first after a (re)start. */
    private Set<String> listed;

    private KinesisClient client;
    private boolean noMoreSplits;

    public ShardEnumerator(
            SplitEnumeratorContext<ShardSplit> context,
            KinesisSourceConfig config,
            EnumeratorState state) {
        this.context = context;
        this.config = config;
        this.finished = new LinkedHashSet<>(state.finished);
        this.assigned = new LinkedHashSet<>(state.assigned);
        state.pending.forEach(split -> pending.put(split.shardId(), split));
        this.firstListedMillis = state.firstListedMillis;
    }

    @Override
    public void start() {
        client = KinesisClients.create(config, true);
        if (config.bounded) {
            context.callAsync(this::listShards, this::onListed);
        } else {
            context.callAsync(this::listShards, this::onListed, 0, config.discoveryIntervalMillis);
        }
    }

    private List<Shard> listShards() {
        return StreamShards.list(client, config);
    }

    private void onListed(List<Shard> shards, Throwable error) {
        if (error != null) {
            if (config.bounded || listed == null) {
                // Nothing can be read without one listing: a wrong name or missing permission
                // should stop the job with the reason rather than leave it idle.
                throw new FlinkRuntimeException(
                        "Cannot list the shards of Kinesis stream " + config.describe(), error);
            }
            LOG.warn(
                    "Listing the shards of {} failed; trying again in {} ms",
                    config.describe(),
                    config.discoveryIntervalMillis,
                    error);
            return;
        }
        boolean first = firstListedMillis == 0;
        if (first) {
            firstListedMillis = System.currentTimeMillis();
        }
        if (config.bounded && listed != null) {
            return; // a bounded source reads the shards of its first listing only
        }
        Set<String> ids = new HashSet<>();
        for (Shard shard : shards) {
            ids.add(shard.shardId());
            String id = shard.shardId();
            if (finished.contains(id) || assigned.contains(id) || pending.containsKey(id)) {
                continue;
            }
            StartingPosition position = ShardStarts.positionOf(shard, first, config);
            if (position == null) {
                finished.add(id); // closed before a LATEST start: nothing of it to read
                continue;
            }
            pending.put(
                    id,
                    new ShardSplit(
                            id,
                            ShardStarts.parentsOf(shard),
                            position,
                            config.bounded ? firstListedMillis : ShardSplit.NEVER));
        }
        // Shards past the stream's retention are no longer listed; their children need not wait.
        finished.retainAll(ids);
        listed = ids;
        assignPending();
    }

    private void assignPending() {
        if (listed == null) {
            return; // after a restore, parents are known only once the stream is listed again
        }
        Map<Integer, List<ShardSplit>> assignment = new LinkedHashMap<>();
        Set<Integer> readers = context.registeredReaders().keySet();
        for (Iterator<ShardSplit> it = pending.values().iterator(); it.hasNext(); ) {
            ShardSplit split = it.next();
            if (!parentsDone(split)) {
                continue;
            }
            int owner = ShardStarts.ownerOf(split.shardId(), context.currentParallelism());
            if (!readers.contains(owner)) {
                continue;
            }
            assignment.computeIfAbsent(owner, k -> new ArrayList<>()).add(split);
            assigned.add(split.shardId());
            it.remove();
        }
        if (!assignment.isEmpty()) {
            LOG.info("Assigning Kinesis shards {}", assignment);
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
        if (config.bounded && pending.isEmpty() && !noMoreSplits) {
            noMoreSplits = true;
            readers.forEach(context::signalNoMoreSplits);
        }
    }

    private boolean parentsDone(ShardSplit split) {
        for (String parent : split.parentShardIds()) {
            if (listed.contains(parent) && !finished.contains(parent)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ShardsFinishedEvent) {
            List<String> ids = ((ShardsFinishedEvent) event).shardIds();
            LOG.info("Kinesis shards read to their end: {}", ids);
            assigned.removeAll(ids);
            finished.addAll(ids);
            assignPending();
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Splits are pushed as shards become ready.
    }

    @Override
    public void addSplitsBack(List<ShardSplit> splits, int subtaskId) {
        for (ShardSplit split : splits) {
            assigned.remove(split.shardId());
            pending.put(split.shardId(), split);
        }
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
        if (noMoreSplits) {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        return new EnumeratorState(finished, assigned, pending.values(), firstListedMillis);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}

package io.tributary.connector.kinesis.internal;

import io.tributary.connector.kinesis.ShardRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Polls the shards of one reader with GetRecords, one call per shard in turn. A throttled shard
 * ({@code ProvisionedThroughputExceeded}, a 5xx, a network error) backs off on its own while the
 * others go on; an expired iterator is renewed after the last record fetched. A closed shard's
 * split finishes at its end, which lets the enumerator hand out its children.
 */
@Internal
public final class ShardSplitReader implements SplitReader<ShardRecord, ShardSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(ShardSplitReader.class);

    private final KinesisSourceConfig config;
    private final List<ShardCursor> cursors = new ArrayList<>();
    private final Object wakeUp = new Object();
    private final AtomicLong retries;
    private KinesisClient client;
    private int next;
    private boolean wokenUp;

    /**
     * @param retries counts the calls that were throttled or failed and will be tried again
     */
    public ShardSplitReader(KinesisSourceConfig config, AtomicLong retries) {
        this.config = config;
        this.retries = retries;
    }

    @Override
    public RecordsWithSplitIds<ShardRecord> fetch() throws IOException {
        if (client == null) {
            client = KinesisClients.create(config, false);
        }
        RecordsBySplits.Builder<ShardRecord> out = new RecordsBySplits.Builder<>();
        long now = System.nanoTime();
        long wait = config.emptyFetchIntervalMillis;
        for (int tried = 0; tried < cursors.size(); tried++) {
            ShardCursor cursor = cursors.get(next++ % cursors.size());
            if (!cursor.ready(now)) {
                wait = Math.min(wait, Math.max(1, (cursor.notBeforeNanos - now) / 1_000_000));
                continue;
            }
            if (poll(cursor, out)) {
                next = next % Math.max(1, cursors.size());
                return out.build();
            }
        }
        if (!cursors.isEmpty()) {
            pause(wait);
        }
        return out.build();
    }

    /** One call on one shard; true when it produced records or finished the shard. */
    private boolean poll(ShardCursor cursor, RecordsBySplits.Builder<ShardRecord> out)
            throws IOException {
        String shardId = cursor.split.shardId();
        try {
            if (cursor.iterator == null) {
                cursor.iterator =
                        client.getShardIterator(
                                        cursor.position
                                                .applyTo(
                                                        GetShardIteratorRequest.builder()
                                                                .streamName(
                                                                        config.streamArn == null
                                                                                ? config.streamName
                                                                                : null)
                                                                .streamARN(config.streamArn)
                                                                .shardId(shardId))
                                                .build())
                                .shardIterator();
            }
            GetRecordsResponse response =
                    client.getRecords(
                            GetRecordsRequest.builder()
                                    .shardIterator(cursor.iterator)
                                    .limit(config.maxRecordsPerGet)
                                    .streamARN(config.streamArn)
                                    .build());
            return took(cursor, response, out);
        } catch (ExpiredIteratorException e) {
            LOG.info("Iterator of {} expired; renewing it from {}", shardId, cursor.position);
            cursor.iterator = null;
            return false;
        } catch (ResourceNotFoundException e) {
            LOG.warn("Shard {} is gone (past the stream's retention?); it is done", shardId, e);
            finish(cursor, out);
            return true;
        } catch (ProvisionedThroughputExceededException
                | LimitExceededException
                | KmsThrottlingException e) {
            backOff(cursor, e);
            return false;
        } catch (AwsServiceException e) {
            if (e.statusCode() >= 500) {
                backOff(cursor, e);
                return false;
            }
            throw new IOException("Kinesis refused to read shard " + shardId + ": " + e, e);
        } catch (SdkClientException e) {
            backOff(cursor, e);
            return false;
        }
    }

    private boolean took(
            ShardCursor cursor,
            GetRecordsResponse response,
            RecordsBySplits.Builder<ShardRecord> out) {
        String shardId = cursor.split.shardId();
        String last = null;
        boolean pastStart = false;
        for (Record record : response.records()) {
            if (record.approximateArrivalTimestamp() != null
                    && record.approximateArrivalTimestamp().toEpochMilli()
                            > cursor.split.stopAfterMillis()) {
                pastStart = true; // a bounded read keeps what was there at its start
                break;
            }
            out.add(
                    shardId,
                    new ShardRecord(
                            config.streamName,
                            shardId,
                            record.sequenceNumber(),
                            record.partitionKey(),
                            record.approximateArrivalTimestamp(),
                            record.data().asByteArrayUnsafe()));
            last = record.sequenceNumber();
        }
        cursor.fetched(last, response.nextShardIterator());
        boolean caughtUp =
                cursor.split.stopAfterMillis() != ShardSplit.NEVER
                        && response.records().isEmpty()
                        && response.millisBehindLatest() != null
                        && response.millisBehindLatest() == 0;
        if (pastStart || caughtUp || response.nextShardIterator() == null) {
            finish(cursor, out);
            return true;
        }
        return last != null;
    }

    private void finish(ShardCursor cursor, RecordsBySplits.Builder<ShardRecord> out) {
        out.addFinishedSplit(cursor.split.shardId());
        cursors.remove(cursor);
    }

    private void backOff(ShardCursor cursor, Exception e) {
        retries.incrementAndGet();
        long delay = cursor.backOff(System.nanoTime());
        LOG.debug("Shard {}: {}; next call in {} ms", cursor.split.shardId(), e.toString(), delay);
    }

    private void pause(long millis) {
        synchronized (wakeUp) {
            if (!wokenUp) {
                try {
                    wakeUp.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            wokenUp = false;
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<ShardSplit> splitsChanges) {
        if (!(splitsChanges instanceof SplitsAddition)) {
            throw new UnsupportedOperationException(
                    "Unsupported split change " + splitsChanges.getClass());
        }
        splitsChanges.splits().forEach(split -> cursors.add(new ShardCursor(split)));
    }

    @Override
    public void wakeUp() {
        synchronized (wakeUp) {
            wokenUp = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}

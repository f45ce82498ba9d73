package io.tributary.pipelines.streams;

import io.tributary.connector.kinesis.ShardRecord;
import io.tributary.pipelines.runtime.LakeTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;

/**
 * The Kinesis sequence numbers lake tables already hold: their stream rows carry {@code
 * kinesis:<stream>/<shard>/<sequence number>} as their source. As with Kafka offsets, the table is
 * the truth — committed in the same Delta transaction as the rows.
 */
@Internal
public final class CommittedSequences {
    // Sequence numbers have up to 128 digits: padded, text order is number order.
    private static final int PADDED = 130;

    private CommittedSequences() {}

    /**
     * The highest sequence number each table holds per shard ({@code kinesis:<stream>/<shard>}), by
     * table name; a table that does not exist yet is absent, one without rows of a shard lacks it.
     */
    public static Map<String, Map<String, String>> byTable(
            Configuration conf,
            List<LakeTable> tables,
            String stream,
            String sourceColumn,
            String condition)
            throws Exception {
        Map<String, Map<String, String>> padded =
                CommittedOffsets.highest(
                        conf,
                        tables,
                        List.of(KinesisSources.prefixOf(stream)),
                        sourceColumn,
                        "REGEXP_EXTRACT(" + sourceColumn + ", '^(.*)/[0-9]+$', 1)",
                        "LPAD(REGEXP_EXTRACT("
                                + sourceColumn
                                + ", '/([0-9]+)$', 1), "
                                + PADDED
                                + ", '0')",
                        condition,
                        String.class);
        Map<String, Map<String, String>> highest = new HashMap<>();
        padded.forEach(
                (table, shards) -> {
                    Map<String, String> numbers = new HashMap<>();
                    shards.forEach((shard, seq) -> numbers.put(shard, unpad(seq)));
                    highest.put(table, numbers);
                });
        return highest;
    }

    private static String unpad(String padded) {
        int i = 0;
        while (i < padded.length() - 1 && padded.charAt(i) == '0') {
            i++;
        }
        return padded.substring(i);
    }

    /**
     * Per shard id, where a fresh start continues so that no table misses a record: after the
     * lowest, over the tables, of the highest sequence number each holds. A shard some table holds
     * nothing of is left out, so the source reads it from its start (and the tables that hold it
     * skip what they have, see {@link io.tributary.pipelines.streams.CommittedBefore}).
     */
    public static Map<String, String> lowestHeld(Map<String, Map<String, String>> byTable) {
        Set<String> shards = new HashSet<>();
        byTable.values().forEach(held -> shards.addAll(held.keySet()));
        Map<String, String> after = new HashMap<>();
        for (String shard : shards) {
            String lowest = null;
            boolean everyTable = true;
            for (Map<String, String> held : byTable.values()) {
                String seq = held.get(shard);
                if (seq == null) {
                    everyTable = false;
                    break;
                }
                if (lowest == null || ShardRecord.compareSequenceNumbers(seq, lowest) < 0) {
                    lowest = seq;
                }
            }
            if (everyTable) {
                after.put(shard.substring(shard.lastIndexOf('/') + 1), lowest);
            }
        }
        return after;
    }
}

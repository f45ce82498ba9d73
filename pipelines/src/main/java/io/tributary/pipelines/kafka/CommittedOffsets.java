package io.tributary.pipelines.kafka;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.runtime.ExecutionDefaults;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.LakeTable;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Kafka offsets lake tables already hold: their stream rows carry {@code kafka:<topic>/<p>} as
 * their source and the record's offset. The table is the truth — it is committed in
 * the same Delta transaction as the rows — where the consumer group's offsets are committed later.
 */
@Internal
public final class CommittedOffsets {
    private CommittedOffsets() {}

    /**
     * For each partition of the topics the tables hold records of, the next offset to read: one
     * past the highest offset any of the tables holds.
     *
     * @param sourceColumn the column holding {@code kafka:<topic>/<partition>}
     * @param offsetColumn the column holding the record's offset
     * @param condition a further SQL condition on the rows to look at, or null
     */
    public static Map<TopicPartition, Long> next(Configuration conf, List<LakeTable> tables, List<String> topics,
            String sourceColumn, String offsetColumn, String condition) throws Exception {
        Map<TopicPartition, Long> next = new HashMap<>();
        String root = LakeCatalog.lakeRoot(conf);
        List<LakeTable> existing = tables.stream()
                .filter(t -> DeltaTableInfo.load(t.location(root), Map.of()).isPresent())
                .collect(Collectors.toList());
        if (existing.isEmpty()) {
            return next;
        }
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.newInstance().inBatchMode()
                .withConfiguration(ExecutionDefaults.apply(conf)).build());
        LakeCatalog.registerDeclared(tEnv, conf, existing);
        // One query (one batch job) over every table, whatever the number of tables and topics.
        String where = topics.stream()
                .map(t -> sourceColumn + " LIKE '" + KafkaSources.sourcePrefix(t).replace("'", "''") + "%'")
                .collect(Collectors.joining(" OR ", "(", ")")) + (condition == null ? "" : " AND " + condition);
        String union = existing.stream()
                .map(t -> "SELECT " + sourceColumn + " AS src, " + offsetColumn + " AS pos FROM " + t.qualifiedName()
                        + " WHERE " + where)
                .collect(Collectors.joining(" UNION ALL "));
        try (CloseableIterator<Row> rows = tEnv.executeSql(
                "SELECT src, MAX(pos) FROM (" + union + ") GROUP BY src").collect()) {
            while (rows.hasNext()) {
                Row row = rows.next();
                next.put(KafkaSources.partitionOf((String) row.getField(0)), (Long) row.getField(1) + 1);
            }
        }
        return next;
    }
}

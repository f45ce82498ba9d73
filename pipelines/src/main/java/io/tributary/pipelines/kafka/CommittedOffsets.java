package io.tributary.pipelines.kafka;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.runtime.ExecutionDefaults;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.LiveTables;

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

/**
 * The Kafka offsets a lake table already holds: its stream rows carry {@code kafka:<topic>/<p>} as
 * their source and the offset as their line number. The table is the truth — it is committed in
 * the same Delta transaction as the rows — where the consumer group's offsets are committed later.
 */
@Internal
public final class CommittedOffsets {
    private CommittedOffsets() {}

    /** For each partition of {@code topic} the table holds, the next offset to read. */
    public static Map<TopicPartition, Long> next(Configuration conf, LakeTable table, String topic) throws Exception {
        Map<TopicPartition, Long> next = new HashMap<>();
        String location = table.location(LakeCatalog.lakeRoot(conf));
        if (DeltaTableInfo.load(location, Map.of()).isEmpty()) {
            return next;
        }
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.newInstance().inBatchMode()
                .withConfiguration(ExecutionDefaults.apply(conf)).build());
        LakeCatalog.registerDeclared(tEnv, conf, List.of(table));
        String prefix = LineRecordDeserializer.sourceOf(topic, 0).replaceAll("0$", "");
        String query = "SELECT source_file, MAX(line_number) FROM " + table.qualifiedName()
                + " WHERE origin = '" + LiveTables.STREAM_ORIGIN + "' AND source_file LIKE '" + prefix + "%'"
                + " GROUP BY source_file";
        try (CloseableIterator<Row> rows = tEnv.executeSql(query).collect()) {
            while (rows.hasNext()) {
                Row row = rows.next();
                int partition = Integer.parseInt(((String) row.getField(0)).substring(prefix.length()));
                next.put(new TopicPartition(topic, partition), (Long) row.getField(1) + 1);
            }
        }
        return next;
    }
}

package io.tributary.pipelines.streams;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.runtime.EmbeddedCluster;
import io.tributary.pipelines.runtime.ExecutionDefaults;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.LakeTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka offsets lake tables already hold: their stream rows carry {@code kafka:<topic>/<p>} as
 * their source and the record's offset. The table is the truth — it is committed in the same Delta
 * transaction as the rows — where the consumer group's offsets are committed later.
 */
@Internal
public final class CommittedOffsets {
    private CommittedOffsets() {}

    /**
     * The highest offset each table holds per source ({@code kafka:<topic>/<partition>}), by table
     * name; a table that does not exist yet is absent, one without rows of a source lacks it.
     */
    public static Map<String, Map<String, Long>> byTable(
            Configuration conf,
            List<LakeTable> tables,
            List<String> topics,
            String sourceColumn,
            String offsetColumn,
            String condition)
            throws Exception {
        return bySourcePrefix(
                conf,
                tables,
                topics.stream().map(KafkaSources::sourcePrefix).collect(Collectors.toList()),
                sourceColumn,
                offsetColumn,
                condition);
    }

    /**
     * The highest position each table holds per source, for the sources starting with one of {@code
     * prefixes} (any stream whose rows carry a source and an increasing position: Kafka partitions
     * and offsets, Prometheus metrics and sample times).
     */
    public static Map<String, Map<String, Long>> bySourcePrefix(
            Configuration conf,
            List<LakeTable> tables,
            List<String> prefixes,
            String sourceColumn,
            String offsetColumn,
            String condition)
            throws Exception {
        return highest(
                conf,
                tables,
                prefixes,
                sourceColumn,
                sourceColumn,
                offsetColumn,
                condition,
                Long.class);
    }

    /**
     * The highest value of {@code positionExpression} per table and value of {@code
     * sourceExpression}, over the rows whose {@code sourceColumn} starts with one of {@code
     * prefixes}.
     *
     * @param sourceColumn the column the prefixes are matched against
     * @param sourceExpression what rows are grouped by (the column, or a part of it)
     */
    public static <T> Map<String, Map<String, T>> highest(
            Configuration conf,
            List<LakeTable> tables,
            List<String> prefixes,
            String sourceColumn,
            String sourceExpression,
            String positionExpression,
            String condition,
            Class<T> positionType)
            throws Exception {
        Map<String, Map<String, T>> highest = new HashMap<>();
        String root = LakeCatalog.lakeRoot(conf);
        List<LakeTable> existing =
                tables.stream()
                        .filter(t -> DeltaTableInfo.load(t.location(root), Map.of()).isPresent())
                        .collect(Collectors.toList());
        if (existing.isEmpty()) {
            return highest;
        }
        existing.forEach(t -> highest.put(t.qualifiedName(), new HashMap<>()));
        EmbeddedCluster.install();
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inBatchMode()
                                .withConfiguration(ExecutionDefaults.apply(conf))
                                .build());
        LakeCatalog.registerDeclared(tEnv, conf, existing);
        // One query (one batch job) over every table, whatever the number of tables and topics.
        String where =
                prefixes.stream()
                                .map(
                                        prefix ->
                                                sourceColumn
                                                        + " LIKE '"
                                                        + prefix.replace("'", "''")
                                                        + "%'")
                                .collect(Collectors.joining(" OR ", "(", ")"))
                        + (condition == null ? "" : " AND " + condition);
        String union =
                existing.stream()
                        .map(
                                t ->
                                        "SELECT '"
                                                + t.qualifiedName()
                                                + "' AS tbl, "
                                                + sourceExpression
                                                + " AS src, "
                                                + positionExpression
                                                + " AS pos FROM "
                                                + t.qualifiedName()
                                                + " WHERE "
                                                + where)
                        .collect(Collectors.joining(" UNION ALL "));
        try (CloseableIterator<Row> rows =
                tEnv.executeSql("SELECT tbl, src, MAX(pos) FROM (" + union + ") GROUP BY tbl, src")
                        .collect()) {
            while (rows.hasNext()) {
                Row row = rows.next();
                highest.get((String) row.getField(0))
                        .put((String) row.getField(1), positionType.cast(row.getField(2)));
            }
        }
        return highest;
    }

    /**
     * Where a fresh start reads each partition from so that no table misses a record: the lowest,
     * over the tables, of one past the highest offset the table holds. A job killed between two of
     * its tables' commits leaves them at different offsets; the tables ahead skip what they hold
     * ({@link CommittedBefore}). A table without rows of a partition reads it from its start.
     */
    public static Map<TopicPartition, Long> lowestNext(Map<String, Map<String, Long>> byTable) {
        Map<TopicPartition, Long> next = new HashMap<>();
        Set<String> sources = new HashSet<>();
        byTable.values().forEach(highest -> sources.addAll(highest.keySet()));
        for (String source : sources) {
            long lowest =
                    byTable.values().stream()
                            .mapToLong(h -> h.getOrDefault(source, -1L) + 1)
                            .min()
                            .orElse(0);
            next.put(KafkaSources.partitionOf(source), lowest);
        }
        return next;
    }
}

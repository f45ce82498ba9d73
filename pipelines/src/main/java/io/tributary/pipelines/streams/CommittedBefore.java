package io.tributary.pipelines.streams;

import io.tributary.connector.kinesis.ShardRecord;
import io.tributary.pipelines.runtime.InsertStatement;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code committed_before(table, source, offset)}: whether the table already holds the record at
 * {@code offset} of {@code source} ({@code kafka:<topic>/<partition>}, or the sequence number in a
 * {@code kinesis:<stream>/<shard>/<sequence number>} source), as it stood when the job started. A
 * fresh start reads each partition from the lowest offset any of its tables needs ({@link
 * CommittedOffsets#lowestNext}); each table's insert skips what that table holds, so a job killed
 * between two tables' commits ends with every record once in every table.
 */
@Internal
public final class CommittedBefore extends ScalarFunction {
    public static final String NAME = "committed_before";
    private static final long serialVersionUID = 1L;

    private final HashMap<String, HashMap<String, Long>> highest = new HashMap<>();
    private final HashMap<String, HashMap<String, String>> sequences = new HashMap<>();

    public CommittedBefore(Map<String, Map<String, Long>> byTable) {
        this(byTable, Map.of());
    }

    /**
     * @param offsets per table, the highest Kafka offset per {@code kafka:<topic>/<partition>}
     * @param sequences per table, the highest Kinesis sequence number per {@code
     *     kinesis:<stream>/<shard>} (see {@link CommittedSequences})
     */
    public CommittedBefore(
            Map<String, Map<String, Long>> offsets, Map<String, Map<String, String>> sequences) {
        offsets.forEach((table, held) -> highest.put(table, new HashMap<>(held)));
        sequences.forEach((table, held) -> this.sequences.put(table, new HashMap<>(held)));
    }

    public boolean eval(String table, String source, Long offset) {
        if (source != null && KinesisSources.isRecord(source)) {
            Map<String, String> held = sequences.get(table);
            String last = held == null ? null : held.get(KinesisSources.shardPartOf(source));
            return last != null
                    && ShardRecord.compareSequenceNumbers(
                                    KinesisSources.sequencePartOf(source), last)
                            <= 0;
        }
        Map<String, Long> offsets = highest.get(table);
        Long held = offsets == null || source == null ? null : offsets.get(source);
        return held != null && offset != null && offset <= held;
    }

    /** The insert with the rows the table already holds left out; its query keeps its columns. */
    public static String skipCommitted(
            String insert, String table, String sourceColumn, String offsetColumn) {
        InsertStatement statement = InsertStatement.of(insert);
        return statement
                .withQuery(
                        "SELECT * FROM (\n"
                                + statement.query()
                                + "\n) AS fresh WHERE NOT "
                                + NAME
                                + "('"
                                + table
                                + "', "
                                + sourceColumn
                                + ", "
                                + offsetColumn
                                + ")")
                .sql();
    }
}

package io.tributary.connector.delta.internal;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.DataType;
import io.tributary.connector.delta.internal.RowChange.Kind;
import io.tributary.connector.delta.source.DeltaFileIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one commit's row changes to a table copy-on-write: every data file that holds a changed
 * key is written again without the rows the changes replace or delete, and the new and updated rows
 * go into new files. The result is the remove and add actions of one commit.
 *
 * <p>For a table with a primary key, the last change of a key wins. For a table without one, a
 * change carries a count: positive adds that many copies of the row, negative removes as many equal
 * rows. Files whose statistics (or partition values) put the first key column outside the changed
 * keys' range are not read; the others are scanned by their key columns first and streamed through
 * the writer only when they hold a changed key, so no file is held in memory.
 */
@Internal
final class CopyOnWriteMerge {
    private static final Logger LOG = LoggerFactory.getLogger(CopyOnWriteMerge.class);

    private final DeltaSinkConfig config;
    private final Engine engine;
    private final RowKeys keys;

    /** The key columns alone, in key order, and their keys: equal to {@link #keys} of full rows. */
    private final RowType keyType;

    private final RowKeys keysOfKeyRows;

    CopyOnWriteMerge(DeltaSinkConfig config, Engine engine) {
        this.config = config;
        this.engine = engine;
        this.keys = new RowKeys(config.rowType, config.primaryKey);
        List<RowType.RowField> keyFields = new ArrayList<>();
        for (int ordinal : keys.keyOrdinals()) {
            keyFields.add(config.rowType.getFields().get(ordinal));
        }
        this.keyType = new RowType(keyFields);
        this.keysOfKeyRows = new RowKeys(keyType, List.of());
    }

    /** What the changes do, folded in arrival order. */
    static final class Effect {
        /** Key → the row it ends as, or null when it ends deleted (keyed tables). */
        final Map<BinaryRowData, BinaryRowData> finalRows = new LinkedHashMap<>();

        /** Row → net copies to add (positive) or remove (negative), for tables without a key. */
        final Map<BinaryRowData, Integer> counts = new LinkedHashMap<>();
    }

    Effect fold(List<RowChange> changes) {
        Effect effect = new Effect();
        for (RowChange change : changes) {
            BinaryRowData row = keys.fromBytes(change.row());
            if (change.kind() == Kind.COUNT) {
                effect.counts.merge(keys.getKey(row), change.count(), Integer::sum);
            } else {
                effect.finalRows.put(keys.getKey(row), change.kind() == Kind.UPSERT ? row : null);
            }
        }
        effect.counts.values().removeIf(c -> c == 0);
        return effect;
    }

    /**
     * Writes the rewritten and new files through {@code out} and returns the remove actions of the
     * files they replace; {@code snapshot} is null for a table created by this commit.
     */
    List<Row> apply(Snapshot snapshot, Effect effect, PartitionedFileWriter out)
            throws IOException {
        long now = System.currentTimeMillis();
        List<Row> removes = new ArrayList<>();
        boolean keyed = !keys.wholeRow();
        Set<BinaryRowData> touched = keyed ? effect.finalRows.keySet() : negativeRows(effect);
        if (snapshot != null && !touched.isEmpty()) {
            for (TableFiles.TableFile file : TableFiles.list(engine, snapshot, pruning(touched))) {
                if (rewrite(file, effect, keyed, out)) {
                    removes.add(file.removeAction(now));
                }
            }
        }
        if (keyed) {
            for (BinaryRowData row : effect.finalRows.values()) {
                if (row != null) {
                    out.write(row);
                }
            }
        } else {
            for (Map.Entry<BinaryRowData, Integer> e : effect.counts.entrySet()) {
                for (int i = 0; i < e.getValue(); i++) {
                    out.write(e.getKey());
                }
                if (e.getValue() < 0) {
                    LOG.warn(
                            "Delta table {}: {} retraction(s) of a row the table does not hold; ignored",
                            config.tablePath,
                            -e.getValue());
                }
            }
        }
        return removes;
    }

    private static Set<BinaryRowData> negativeRows(Effect effect) {
        Set<BinaryRowData> rows = new HashSet<>();
        effect.counts.forEach(
                (row, count) -> {
                    if (count < 0) {
                        rows.add(row);
                    }
                });
        return rows;
    }

    /** If the file holds a changed key, writes its surviving rows again and says so. */
    private boolean rewrite(
            TableFiles.TableFile file, Effect effect, boolean keyed, PartitionedFileWriter out)
            throws IOException {
        if (!holdsChange(file, effect, keyed)) {
            return false;
        }
        DeltaFileIterator rows = read(file, config.rowType);
        while (rows.hasNext()) {
            RowData row = rows.next();
            BinaryRowData key = keys.getKey(row);
            if (keyed) {
                if (effect.finalRows.containsKey(key)) {
                    continue;
                }
            } else {
                Integer count = effect.counts.get(key);
                if (count != null && count < 0) {
                    effect.counts.put(key, count + 1);
                    continue;
                }
            }
            out.write(row);
        }
        return true;
    }

    /** Scans the file's key columns (every column for a table without a key) for a changed key. */
    private boolean holdsChange(TableFiles.TableFile file, Effect effect, boolean keyed) {
        try (DeltaFileIterator keyRows = read(file, keyType)) {
            while (keyRows.hasNext()) {
                BinaryRowData key = keysOfKeyRows.getKey(keyRows.next());
                if (keyed
                        ? effect.finalRows.containsKey(key)
                        : effect.counts.getOrDefault(key, 0) < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private DeltaFileIterator read(TableFiles.TableFile file, RowType columns) {
        return DeltaFileIterator.open(
                config.tablePath,
                columns,
                config.partitionColumns,
                config.kernelConf,
                file.path,
                file.size,
                file.partitionValues);
    }

    /**
     * Files that can hold one of the keys: those whose statistics (or partition value, when it is a
     * partition column) admit the first key column's range of changed values.
     */
    private Optional<Predicate> pruning(Set<BinaryRowData> touched) {
        int first = keys.keyOrdinals()[0];
        LogicalType firstType = config.rowType.getTypeAt(first);
        String firstName = config.rowType.getFieldNames().get(first);
        // Key rows hold key columns in key order: the first key column is field 0 of a key row.
        int fieldInKey = keys.wholeRow() ? first : 0;
        if (!orderable(firstType)) {
            return Optional.empty();
        }
        String min = null;
        String max = null;
        for (BinaryRowData key : touched) {
            if (key.isNullAt(fieldInKey)) {
                return Optional.empty();
            }
            String value = PartitionValues.toDeltaString(key, fieldInKey, firstType);
            if (min == null || compare(value, min, firstType) < 0) {
                min = value;
            }
            if (max == null || compare(value, max, firstType) > 0) {
                max = value;
            }
        }
        if (min == null) {
            return Optional.empty();
        }
        Column column = new Column(firstName);
        DataType deltaType = config.deltaSchema().get(firstName).getDataType();
        return Optional.of(
                new And(
                        new Predicate(">=", column, PartitionValues.toLiteral(min, deltaType)),
                        new Predicate("<=", column, PartitionValues.toLiteral(max, deltaType))));
    }

    private static boolean orderable(LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DATE:
            case CHAR:
            case VARCHAR:
                return true;
            default:
                return false;
        }
    }

    /** Orders as Delta's statistics do: numbers and dates by value, strings by UTF-8 bytes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(String a, String b, LogicalType type) {
        Object x = PartitionValues.toFlink(a, type);
        Object y = PartitionValues.toFlink(b, type);
        if (x instanceof Number && y instanceof Number) {
            return Long.compare(((Number) x).longValue(), ((Number) y).longValue());
        }
        return ((Comparable) x).compareTo(y);
    }
}

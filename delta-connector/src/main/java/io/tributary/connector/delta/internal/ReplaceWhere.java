package io.tributary.connector.delta.internal;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.tributary.connector.delta.source.DeltaFileIterator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The rows an {@code INSERT OVERWRITE} with {@code sink.replace-where.*} replaces: those whose
 * column holds one of the given values. A backfill scoped this way replaces exactly what its input
 * covers (the rows of the files it read), wherever those rows sit; rows of other inputs in the
 * same partitions stay, which a partition overwrite would erase.
 *
 * <p>Writers check each row against the scope ({@link #requireInScope}): a row outside it would
 * survive the next run's replacement and be doubled. The committer removes the scope's old rows
 * ({@link #removeScopedRows}): files whose statistics put the column outside the values' range are
 * not opened, files holding only scoped rows are removed, and a file mixing scoped and other rows
 * is written again without the scoped ones.
 */
@Internal
public final class ReplaceWhere implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tablePath;
    private final String column;
    private final int ordinal;
    private final HashSet<String> values;

    ReplaceWhere(DeltaSinkConfig config) {
        this.tablePath = config.tablePath;
        this.column = config.replaceWhereColumn;
        this.ordinal = config.rowType.getFieldIndex(column);
        this.values = new HashSet<>(config.replaceWhereValues);
    }

    /** The scope of a sink's overwrite, if it has one rather than a partition overwrite. */
    public static Optional<ReplaceWhere> of(DeltaSinkConfig config) {
        return config.overwrite && config.replaceWhereColumn != null
                ? Optional.of(new ReplaceWhere(config)) : Optional.empty();
    }

    boolean holds(RowData row) {
        return !row.isNullAt(ordinal) && values.contains(row.getString(ordinal).toString());
    }

    /** Fails on a row the overwrite would not replace next time. */
    public void requireInScope(RowData row) {
        if (!holds(row)) {
            String value = row.isNullAt(ordinal) ? "NULL" : "'" + row.getString(ordinal) + "'";
            throw new IllegalStateException("Delta table " + tablePath + ": a row with " + column + " = " + value
                    + " is outside this overwrite's sink.replace-where.values (" + values.size()
                    + " value(s)); a rerun would not replace it. Scope the overwrite to every value it writes.");
        }
    }

    /**
     * Remove actions for the files holding scoped rows; the rows of those files that are not in
     * scope are written again through {@code out}, to be added in the same commit.
     */
    List<Row> removeScopedRows(Snapshot snapshot, DeltaSinkConfig config, Engine engine, PartitionedFileWriter out)
            throws IOException {
        List<Row> removes = new ArrayList<>();
        if (values.isEmpty()) {
            return removes;
        }
        long now = System.currentTimeMillis();
        RowType columnOnly = RowType.of(new LogicalType[] {
                config.rowType.getTypeAt(ordinal)}, new String[] {column});
        for (TableFiles.TableFile file : TableFiles.list(engine, snapshot, Optional.of(valueRange()))) {
            long scoped = 0;
            long rows = 0;
            try (DeltaFileIterator it = read(config, file, columnOnly)) {
                while (it.hasNext()) {
                    RowData row = it.next();
                    rows++;
                    if (!row.isNullAt(0) && values.contains(row.getString(0).toString())) {
                        scoped++;
                    }
                }
            }
            if (scoped == 0) {
                continue;
            }
            if (scoped < rows) {
                try (DeltaFileIterator it = read(config, file, config.rowType)) {
                    while (it.hasNext()) {
                        RowData row = it.next();
                        if (!holds(row)) {
                            out.write(row);
                        }
                    }
                }
            }
            removes.add(file.removeAction(now));
        }
        return removes;
    }

    private static DeltaFileIterator read(DeltaSinkConfig config, TableFiles.TableFile file, RowType columns) {
        return DeltaFileIterator.open(config.tablePath, columns, config.partitionColumns, config.kernelConf,
                file.path, file.size, file.partitionValues);
    }

    /** Files whose statistics (or partition value) admit the values' range; others hold none. */
    private Predicate valueRange() {
        String min = null;
        String max = null;
        for (String v : values) {
            // Delta's statistics order strings by their UTF-8 bytes, which String.compareTo does not
            // for characters beyond the Basic Multilingual Plane.
            if (min == null || utf8Compare(v, min) < 0) {
                min = v;
            }
            if (max == null || utf8Compare(v, max) > 0) {
                max = v;
            }
        }
        Column c = new Column(column);
        return new And(new Predicate(">=", c, Literal.ofString(min)), new Predicate("<=", c, Literal.ofString(max)));
    }

    private static int utf8Compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

package io.tributary.connector.delta.internal;

import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * The cross-field rules a Delta sink's settings must meet; each failure names the misfit and the
 * fix.
 */
@Internal
public final class DeltaSinkChecks {
    private DeltaSinkChecks() {}

    /** Fails with {@code Invalid Delta sink: ...} unless the settings fit together. */
    public static void check(DeltaSinkConfig c, Integer writerParallelism) {
        String tablePath = c.tablePath;
        RowType rowType = c.rowType;
        List<String> partitionColumns = c.partitionColumns;
        List<String> primaryKey = c.primaryKey;
        boolean overwrite = c.overwrite;
        require(tablePath != null && !tablePath.isBlank(), "a table path is required");
        require(rowType != null, "a row type is required");
        require(
                c.sinkId != null && !c.sinkId.isBlank(),
                "a sink id is required (it names the Delta transaction)");
        require(
                c.targetFileSize > 0,
                "the target file size must be positive, got " + c.targetFileSize);
        require(c.rowGroupSize > 0, "the row group size must be positive, got " + c.rowGroupSize);
        require(c.maxOpenFiles > 0, "max open files must be positive, got " + c.maxOpenFiles);
        require(
                c.logCheckpointInterval > 0,
                "the log checkpoint interval must be positive, got " + c.logCheckpointInterval);
        require(
                writerParallelism == null || writerParallelism > 0,
                "writer parallelism must be positive");
        require(
                c.writerLeaseMillis >= 3,
                "the writer lease must be positive, got " + c.writerLeaseMillis + " ms");
        for (String column : partitionColumns) {
            require(
                    rowType.getFieldNames().contains(column),
                    "partition column '"
                            + column
                            + "' is not a column of "
                            + rowType.getFieldNames());
        }
        require(
                partitionColumns.size() < rowType.getFieldCount(),
                "at least one column must not be a partition column");
        for (String column : primaryKey) {
            require(
                    rowType.getFieldNames().contains(column),
                    "primary key column '"
                            + column
                            + "' is not a column of "
                            + rowType.getFieldNames());
        }
        require(
                c.maxBufferedChanges > 0,
                "max buffered changes must be positive, got " + c.maxBufferedChanges);
        require(
                c.replaceOnStartCatchUpDir == null || c.replaceOnStart,
                "a replace-on-start catch-up folder needs replace-on-start");
        require(
                !(c.replaceOnStart && overwrite),
                "replace-on-start is for streaming INSERT INTO; INSERT OVERWRITE replaces anyway");
        require(
                !(c.changelog && overwrite),
                "INSERT OVERWRITE replaces rows wholesale and cannot take a changelog; use INSERT INTO");
        if (c.replaceWhereColumn != null) {
            int index = rowType.getFieldNames().indexOf(c.replaceWhereColumn);
            require(
                    index >= 0,
                    "replace-where column '"
                            + c.replaceWhereColumn
                            + "' is not a column of "
                            + rowType.getFieldNames());
            require(
                    overwrite,
                    "replace-where applies to INSERT OVERWRITE; INSERT INTO never replaces rows");
            validateScope(c, rowType.getTypeAt(index));
        } else {
            require(
                    c.replaceWhereValues.isEmpty()
                            && c.replaceWhereFrom == null
                            && c.replaceWhereUntil == null,
                    "replace-where values or a range need a replace-where column");
        }
    }

    /**
     * A scope is values of a STRING column, or a range of a TIMESTAMP or DATE column, never both.
     */
    private static void validateScope(DeltaSinkConfig c, LogicalType type) {
        boolean range = c.replaceWhereFrom != null || c.replaceWhereUntil != null;
        if (!range) {
            require(
                    type.getTypeRoot().getFamilies().contains(LogicalTypeFamily.CHARACTER_STRING),
                    "replace-where column '"
                            + c.replaceWhereColumn
                            + "' must be a STRING column for values "
                            + "(or a TIMESTAMP or DATE column for a range), not "
                            + type);
            return;
        }
        require(
                c.replaceWhereValues.isEmpty(),
                "replace-where takes values or a range (from/until), not both");
        require(
                type.getTypeRoot() == LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE
                        || type.getTypeRoot() == LogicalTypeRoot.DATE,
                "a replace-where range needs a TIMESTAMP or DATE column; '"
                        + c.replaceWhereColumn
                        + "' is "
                        + type);
        Long from =
                c.replaceWhereFrom == null ? null : rangeBound("from", c.replaceWhereFrom, type);
        Long until =
                c.replaceWhereUntil == null ? null : rangeBound("until", c.replaceWhereUntil, type);
        require(
                from == null || until == null || from < until,
                "the replace-where range is empty: from "
                        + c.replaceWhereFrom
                        + " is not before until "
                        + c.replaceWhereUntil);
    }

    private static long rangeBound(String which, String text, LogicalType type) {
        try {
            return ReplaceWhere.bound(text, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("replace-where " + which + ": " + e.getMessage(), e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid Delta sink: " + message);
        }
    }
}

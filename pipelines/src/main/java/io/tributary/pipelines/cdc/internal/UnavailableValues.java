package io.tributary.pipelines.cdc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Debezium's placeholder for a value it did not read: PostgreSQL sends an unchanged TOASTed column
 * (a large text or bytea) of an update as {@value #PLACEHOLDER}, meaning "as it was". A change
 * carries it as that text (or its bytes, for a binary column); here it is replaced by the column's
 * value in the row's previous version.
 */
@Internal
final class UnavailableValues {
    static final String PLACEHOLDER = "__debezium_unavailable_value";
    private static final StringData TEXT = StringData.fromString(PLACEHOLDER);
    private static final byte[] BYTES = PLACEHOLDER.getBytes(StandardCharsets.UTF_8);

    private UnavailableValues() {}

    /** The placeholder of a binary column: the bytes of its text, as a change carries it. */
    static byte[] bytes() {
        return BYTES.clone();
    }

    /** The columns (first {@code columns} fields) of {@code row} holding the placeholder. */
    static List<Integer> columns(RowData row, RowType type) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            if (!row.isNullAt(i) && isPlaceholder(row, i, type.getTypeAt(i))) {
                found.add(i);
            }
        }
        return found;
    }

    private static boolean isPlaceholder(RowData row, int i, LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return TEXT.equals(row.getString(i));
            case BINARY:
            case VARBINARY:
                return Arrays.equals(BYTES, row.getBinary(i));
            default:
                return false;
        }
    }

    /** {@code row} with the given columns taken from {@code previous}; other fields as they are. */
    static GenericRowData filled(
            GenericRowData row,
            List<Integer> columns,
            RowData previous,
            RowData.FieldGetter[] getters) {
        for (int column : columns) {
            row.setField(column, getters[column].getFieldOrNull(previous));
        }
        return row;
    }

    static String reason(List<Integer> columns, RowType type) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(type.getFieldNames().get(c)));
        return "column(s) "
                + names
                + " hold Debezium's "
                + PLACEHOLDER
                + " (a TOASTed value left unchanged), and no "
                + "earlier version of the row is known to take it from (a fresh start after the row's last full image)";
    }
}

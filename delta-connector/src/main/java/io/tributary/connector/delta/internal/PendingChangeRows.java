package io.tributary.connector.delta.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * The row type that the pending change rows in a committer's state were encoded with. Change rows
 * are raw binary rows, which carry no schema: a job restored after its sink's columns changed
 * (schema evolution, then an upgrade from a savepoint) would read them with the new arity and get
 * garbage. So the committer stores the type beside them, and a restore re-encodes the rows by
 * column name into the current type, or refuses rows it cannot carry over without losing a value.
 */
@Internal
final class PendingChangeRows {
    private PendingChangeRows() {}

    /** How a row type is kept in state; empty for a type that has no serializable form. */
    static Optional<String> describe(RowType rowType) {
        try {
            return Optional.of(rowType.asSerializableString());
        } catch (RuntimeException notSerializable) {
            return Optional.empty();
        }
    }

    /**
     * The change rows of {@code restored} encoded as {@code current} rows. {@code written} is the
     * stored type; state written before the type was stored has none, and its rows are taken as
     * they are, as before.
     *
     * @throws IllegalStateException if a row holds a column the current type dropped or changed
     */
    static List<DeltaCommittable> asCurrent(
            Iterable<DeltaCommittable> restored,
            Optional<String> written,
            RowType current,
            String table) {
        List<DeltaCommittable> all = new ArrayList<>();
        restored.forEach(all::add);
        if (written.isEmpty()
                || written.equals(describe(current))
                || all.stream().noneMatch(DeltaCommittable::isChange)) {
            return all;
        }
        RowType before =
                (RowType)
                        LogicalTypeParser.parse(
                                written.get(), PendingChangeRows.class.getClassLoader());
        RowData.FieldGetter[] getters = gettersByName(before, current, table);
        RowKeys decode = new RowKeys(before, List.of());
        RowKeys encode = new RowKeys(current, List.of());
        for (int at = 0; at < all.size(); at++) {
            if (all.get(at) instanceof RowChange) {
                RowChange c = (RowChange) all.get(at);
                BinaryRowData old = decode.fromBytes(c.row());
                GenericRowData row = new GenericRowData(getters.length);
                for (int i = 0; i < getters.length; i++) {
                    row.setField(i, getters[i] == null ? null : getters[i].getFieldOrNull(old));
                }
                all.set(at, c.withRow(encode.toBytes(row)));
            }
        }
        return all;
    }

    /** For each current column, how to read it from an old row; null for a new nullable column. */
    private static RowData.FieldGetter[] gettersByName(
            RowType before, RowType current, String table) {
        for (String name : before.getFieldNames()) {
            if (current.getFieldIndex(name) < 0) {
                throw refused(table, before, current, "column " + name + " is gone");
            }
        }
        RowData.FieldGetter[] getters = new RowData.FieldGetter[current.getFieldCount()];
        for (int i = 0; i < getters.length; i++) {
            String name = current.getFieldNames().get(i);
            LogicalType now = current.getTypeAt(i);
            int old = before.getFieldIndex(name);
            if (old < 0) {
                if (!now.isNullable()) {
                    throw refused(table, before, current, "new column " + name + " is NOT NULL");
                }
                continue;
            }
            LogicalType then = before.getTypeAt(old);
            if (!then.copy(true).equals(now.copy(true))
                    || (then.isNullable() && !now.isNullable())) {
                throw refused(
                        table,
                        before,
                        current,
                        "column " + name + " changed from " + then + " to " + now);
            }
            getters[i] = RowData.createFieldGetter(then, old);
        }
        return getters;
    }

    private static IllegalStateException refused(
            String table, RowType before, RowType current, String why) {
        return new IllegalStateException(
                "Delta table "
                        + table
                        + ": the restored state holds changes not committed "
                        + "yet, written as "
                        + before
                        + ", which cannot be carried over to the sink's columns "
                        + current
                        + " ("
                        + why
                        + "). Restore with the earlier columns until the state's changes are committed "
                        + "(stop with a savepoint: its changes are committed as it completes), then change the columns.");
    }
}

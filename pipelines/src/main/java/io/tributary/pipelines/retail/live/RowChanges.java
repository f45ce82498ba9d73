package io.tributary.pipelines.retail.live;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * A held row replaced as a sink without a key takes it: the old row retracted, the new inserted.
 */
final class RowChanges {
    private RowChanges() {}

    /** Emits the change from {@code before} to {@code after} (either null); false if none. */
    static boolean replace(Row before, Row after, Consumer<Row> out) {
        if (Objects.equals(before, after)) {
            return false;
        }
        if (before != null) {
            Row retract = Row.copy(before);
            retract.setKind(RowKind.DELETE);
            out.accept(retract);
        }
        if (after != null) {
            out.accept(after);
        }
        return true;
    }
}

package io.tributary.connector.delta.internal;

import io.delta.kernel.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.annotation.Internal;

/**
 * A table another engine gave features Tributary does not apply: deletion vectors (rows deleted
 * without rewriting their file) or column mapping (Parquet columns under other names). Reading such
 * a table file by file would bring deleted rows back or miss renamed columns, and rewriting it
 * would lose both, so it is refused instead, saying which feature and what to do.
 */
@Internal
public final class UnsupportedTableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private UnsupportedTableException(String message) {
        super(message);
    }

    /** Fails unless the snapshot's table can be read and written by Tributary as it is. */
    public static void requireSupported(Snapshot snapshot, String tablePath) {
        Set<String> features = KernelInternals.tableFeatures(snapshot);
        List<String> unsupported = new ArrayList<>();
        if (features.contains("deletionVectors")) {
            unsupported.add("deletion vectors (table feature deletionVectors)");
        }
        String mapping =
                KernelInternals.configuration(snapshot)
                        .getOrDefault("delta.columnMapping.mode", "none");
        if (features.contains("columnMapping")
                && !"none".equals(mapping.toLowerCase(Locale.ROOT))) {
            unsupported.add("column mapping (delta.columnMapping.mode = " + mapping + ")");
        }
        if (!unsupported.isEmpty()) {
            throw new UnsupportedTableException(
                    "Delta table "
                            + tablePath
                            + " (version "
                            + snapshot.getVersion()
                            + ") uses "
                            + String.join(" and ", unsupported)
                            + ", which Tributary does not apply: reading or "
                            + "rewriting it file by file would bring deleted rows back or lose renamed columns. Write it "
                            + "with the engine that enabled the feature, or copy it to a new table without it (for "
                            + "deletion vectors: REORG TABLE ... APPLY (PURGE) and turn the feature off).");
        }
    }
}

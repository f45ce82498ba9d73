package io.tributary.connector.delta.internal;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds new nullable columns to an existing table: one commit holding only a new {@code metaData}
 * action (same id, partitioning and configuration, the wider schema) and its commit info.
 *
 * <p>Kernel 4.4's transaction builder changes the schema of an existing table only when column
 * mapping is on, which would rename the Parquet columns and raise the reader protocol beyond what
 * Athena reads. Adding nullable columns needs no column mapping in the Delta protocol (old files
 * simply lack them), so the commit is written here, through the same put-if-absent log write
 * Kernel's own commits use.
 */
@Internal
final class SchemaEvolution {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaEvolution.class);

    private SchemaEvolution() {}

    /**
     * Commits {@code schema} as the table's schema on top of {@code snapshot}; false when another
     * writer committed that version first (the caller looks again at the newer table).
     */
    static boolean commit(
            Engine engine, Snapshot snapshot, StructType schema, List<StructField> added) {
        String columns = added.stream().map(StructField::getName).collect(Collectors.joining(", "));
        // A TIMESTAMP (without time zone) column needs the timestampNtz feature, as Kernel gives a
        // table created with one: readers that lack it must refuse the table, not misread it.
        boolean timestampNtz = added.stream().anyMatch(f -> holdsTimestampNtz(f.getDataType()));
        String path = KernelInternals.tablePath(snapshot);
        try {
            if (!KernelInternals.commitSchema(
                    engine,
                    snapshot,
                    schema,
                    Map.of("columns", columns),
                    timestampNtz,
                    DeltaTables.ENGINE_INFO)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot add columns " + columns + " to Delta table " + path, e);
        }
        LOG.info(
                "Delta table {}: added column(s) {} in version {}",
                path,
                columns,
                snapshot.getVersion() + 1);
        return true;
    }

    private static boolean holdsTimestampNtz(DataType type) {
        if (type instanceof TimestampNTZType) {
            return true;
        }
        if (type instanceof StructType) {
            return ((StructType) type)
                    .fields().stream().anyMatch(f -> holdsTimestampNtz(f.getDataType()));
        }
        if (type instanceof ArrayType) {
            return holdsTimestampNtz(((ArrayType) type).getElementType());
        }
        if (type instanceof MapType) {
            return holdsTimestampNtz(((MapType) type).getKeyType())
                    || holdsTimestampNtz(((MapType) type).getValueType());
        }
        return false;
    }
}

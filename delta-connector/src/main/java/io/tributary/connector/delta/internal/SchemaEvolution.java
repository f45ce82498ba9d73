package io.tributary.connector.delta.internal;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.CommitInfo;
import io.delta.kernel.internal.actions.Metadata;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.util.FileNames;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    static boolean commit(Engine engine, Snapshot snapshot, StructType schema, List<StructField> added) {
        SnapshotImpl base = (SnapshotImpl) snapshot;
        Metadata evolved = base.getMetadata().withNewSchema(schema);
        String columns = added.stream().map(StructField::getName).collect(Collectors.joining(", "));
        long now = System.currentTimeMillis();
        CommitInfo info = new CommitInfo(Optional.empty(), now, Optional.of(DeltaTables.ENGINE_INFO),
                Optional.of("ADD COLUMNS"), Map.of("columns", columns), Optional.of(false), Optional.empty(), Map.of());
        List<Row> actions = List.of(SingleAction.createCommitInfoSingleAction(info.toRow()),
                SingleAction.createMetadataSingleAction(evolved.toRow()));
        long version = base.getVersion() + 1;
        try {
            engine.getJsonHandler().writeJsonFileAtomically(FileNames.deltaFile(base.getLogPath(), version),
                    Iterators.closeable(actions.iterator()), false);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add columns " + columns + " to Delta table " + base.getPath(), e);
        }
        LOG.info("Delta table {}: added column(s) {} in version {}", base.getPath(), columns, version);
        return true;
    }
}

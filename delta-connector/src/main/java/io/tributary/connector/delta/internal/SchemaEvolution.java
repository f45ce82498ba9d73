package io.tributary.connector.delta.internal;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.CommitInfo;
import io.delta.kernel.internal.actions.Metadata;
import io.delta.kernel.internal.actions.Protocol;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.tablefeatures.TableFeature;
import io.delta.kernel.internal.tablefeatures.TableFeatures;
import io.delta.kernel.internal.util.FileNames;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
        SnapshotImpl base = (SnapshotImpl) snapshot;
        Metadata evolved = base.getMetadata().withNewSchema(schema);
        String columns = added.stream().map(StructField::getName).collect(Collectors.joining(", "));
        long now = System.currentTimeMillis();
        CommitInfo info =
                new CommitInfo(
                        Optional.empty(),
                        now,
                        Optional.of(DeltaTables.ENGINE_INFO),
                        Optional.of("ADD COLUMNS"),
                        Map.of("columns", columns),
                        Optional.of(false),
                        Optional.empty(),
                        Map.of());
        List<Row> actions =
                new ArrayList<>(
                        List.of(
                                SingleAction.createCommitInfoSingleAction(info.toRow()),
                                SingleAction.createMetadataSingleAction(evolved.toRow())));
        Protocol protocol = base.getProtocol();
        if (added.stream().anyMatch(f -> holdsTimestampNtz(f.getDataType()))
                && !protocol.supportsFeature(TableFeatures.TIMESTAMP_NTZ_RW_FEATURE)) {
            // A TIMESTAMP (without time zone) column needs the timestampNtz feature, as Kernel
            // gives
            // a table created with one: readers that lack it must refuse the table, not misread it.
            actions.add(
                    SingleAction.createProtocolSingleAction(withTimestampNtz(protocol).toRow()));
        }
        long version = base.getVersion() + 1;
        try {
            engine.getJsonHandler()
                    .writeJsonFileAtomically(
                            FileNames.deltaFile(base.getLogPath(), version),
                            Iterators.closeable(actions.iterator()),
                            false);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot add columns " + columns + " to Delta table " + base.getPath(), e);
        }
        LOG.info(
                "Delta table {}: added column(s) {} in version {}",
                base.getPath(),
                columns,
                version);
        return true;
    }

    /**
     * The protocol in table-features form (3, 7) with timestampNtz added: every feature the old
     * versions implied is listed, reader-writer features on both lists.
     */
    private static Protocol withTimestampNtz(Protocol protocol) {
        Set<String> reader = new TreeSet<>();
        Set<String> writer = new TreeSet<>();
        Set<TableFeature> features =
                new HashSet<>(protocol.getImplicitlyAndExplicitlySupportedFeatures());
        features.add(TableFeatures.TIMESTAMP_NTZ_RW_FEATURE);
        for (TableFeature feature : features) {
            writer.add(feature.featureName());
            if (feature.isReaderWriterFeature()) {
                reader.add(feature.featureName());
            }
        }
        return new Protocol(3, 7, reader, writer);
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

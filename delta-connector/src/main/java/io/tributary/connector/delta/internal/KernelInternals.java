package io.tributary.connector.delta.internal;

import io.delta.kernel.CommitActions;
import io.delta.kernel.CommitRange;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.DataWriteContextImpl;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.TransactionImpl;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.CommitInfo;
import io.delta.kernel.internal.actions.Metadata;
import io.delta.kernel.internal.actions.Protocol;
import io.delta.kernel.internal.actions.RemoveFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.TransactionStateRow;
import io.delta.kernel.internal.fs.Path;
import io.delta.kernel.internal.icebergcompat.IcebergCompatV2MetadataValidatorAndUpdater;
import io.delta.kernel.internal.icebergcompat.IcebergCompatV3MetadataValidatorAndUpdater;
import io.delta.kernel.internal.tablefeatures.TableFeature;
import io.delta.kernel.internal.tablefeatures.TableFeatures;
import io.delta.kernel.internal.util.ColumnMapping;
import io.delta.kernel.internal.util.FileNames;
import io.delta.kernel.internal.util.PartitionUtils;
import io.delta.kernel.internal.util.VectorUtils;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;

/**
 * The one class that uses Delta Kernel's internal API ({@code io.delta.kernel.internal}), which
 * changes between Kernel releases without notice: a Kernel upgrade re-checks this class, and an
 * ArchUnit rule keeps every other class off that API. Each method says which gap in Kernel 4.4's
 * public API it covers.
 */
@Internal
public final class KernelInternals {
    private KernelInternals() {}

    // ------------------------------------------------------------------------------------------
    // Commit ranges: the public API returns actions as rows whose schema is internal.
    // ------------------------------------------------------------------------------------------

    /**
     * A data file a commit added or removed; {@code path} as the log holds it (relative or not).
     */
    public record FileAction(
            boolean added,
            String path,
            long size,
            Map<String, String> partition,
            boolean dataChange) {}

    /** What a reader of file actions does with each. */
    public interface FileActionVisitor {
        void visit(FileAction action) throws IOException;
    }

    /**
     * Visits the add actions (with {@code adds}) and the remove actions of every commit of {@code
     * range}, in commit order. A remove whose size the log omits has size -1.
     */
    public static void forEachFileAction(
            CommitRange range, Engine engine, boolean adds, FileActionVisitor visitor)
            throws Exception {
        Set<DeltaAction> wanted =
                adds ? Set.of(DeltaAction.ADD, DeltaAction.REMOVE) : Set.of(DeltaAction.REMOVE);
        try (CloseableIterator<CommitActions> commits = range.getCommitActions(engine, wanted)) {
            while (commits.hasNext()) {
                try (CommitActions commit = commits.next();
                        CloseableIterator<ColumnarBatch> batches = commit.getActions()) {
                    while (batches.hasNext()) {
                        visitBatch(batches.next(), adds, visitor);
                    }
                }
            }
        }
    }

    private static void visitBatch(ColumnarBatch batch, boolean adds, FileActionVisitor visitor)
            throws IOException {
        int addOrdinal = adds ? batch.getSchema().indexOf(DeltaAction.ADD.colName) : -1;
        int removeOrdinal = batch.getSchema().indexOf(DeltaAction.REMOVE.colName);
        ColumnVector addColumn = adds ? batch.getColumnVector(addOrdinal) : null;
        ColumnVector removeColumn = batch.getColumnVector(removeOrdinal);
        try (CloseableIterator<Row> rows = batch.getRows()) {
            for (int i = 0; rows.hasNext(); i++) {
                Row row = rows.next();
                if (addColumn != null && !addColumn.isNullAt(i)) {
                    AddFile add = new AddFile(row.getStruct(addOrdinal));
                    visitor.visit(
                            new FileAction(
                                    true,
                                    add.getPath(),
                                    add.getSize(),
                                    VectorUtils.toJavaMap(add.getPartitionValues()),
                                    add.getDataChange()));
                } else if (!removeColumn.isNullAt(i)) {
                    RemoveFile remove = new RemoveFile(row.getStruct(removeOrdinal));
                    visitor.visit(
                            new FileAction(
                                    false,
                                    remove.getPath(),
                                    remove.getSize().orElse(-1L),
                                    remove.getPartitionValues()
                                            .map(VectorUtils::<String, String>toJavaMap)
                                            .orElse(Map.of()),
                                    remove.getDataChange()));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Scan files: the public API hands them out as rows of an internal schema.
    // ------------------------------------------------------------------------------------------

    /** A live data file of a scan, and its add action (what a remove of it is made from). */
    public record ScanFile(
            String path,
            long size,
            Map<String, String> partition,
            boolean hasDeletionVector,
            Row addAction) {}

    public static ScanFile scanFile(Row scanFile) {
        FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
        return new ScanFile(
                status.getPath(),
                status.getSize(),
                InternalScanFileUtils.getPartitionValues(scanFile),
                InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scanFile) != null,
                scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
    }

    /** Bytes and the record count its statistics give (0 without statistics) of a scan file. */
    public static long[] sizeAndRecords(Row scanFile) {
        AddFile add = new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
        return new long[] {add.getSize(), add.getNumRecords().orElse(0L)};
    }

    /**
     * The statistics of an add action, read against the table's schema; empty where the action has
     * none or they cannot be read, which callers take as "nothing known".
     */
    public static Optional<DataFileStatistics> statistics(Row addAction, StructType schema) {
        try {
            return new AddFile(addAction).getStats(schema);
        } catch (RuntimeException e) {
            // Statistics written by another tool that Kernel cannot parse prove nothing; the file
            // is then read, as if it had none.
            return Optional.empty();
        }
    }

    /** A remove action for a scan file's add action, as a commit's action row. */
    public static Row removeAction(Row addAction, boolean dataChange, long deletionTimestamp) {
        return SingleAction.createRemoveFileSingleAction(
                new AddFile(addAction).toRemoveFileRow(dataChange, Optional.of(deletionTimestamp)));
    }

    /**
     * An add action for a rewritten file that changes no data (compaction): Kernel's public append
     * actions always say {@code dataChange = true}.
     */
    public static Row addActionWithoutDataChange(
            StructType schema, URI tableRoot, DataFileStatus file, Map<String, Literal> partition) {
        AddFile add =
                AddFile.convertDataFileStatus(
                        schema,
                        tableRoot,
                        file,
                        partition,
                        false,
                        Map.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        return SingleAction.createAddFileSingleAction(add.toRow());
    }

    // ------------------------------------------------------------------------------------------
    // Write contexts and add actions: the public methods parse the state's schema at every call.
    // ------------------------------------------------------------------------------------------

    /**
     * Kernel's {@code Transaction.getWriteContext} and {@code Transaction.generateAppendActions}
     * for one transaction state, with what they read from the state parsed once. Each call of the
     * public methods parses the table's schema from the state's JSON again — twice for a write
     * context — which for a backfill of 400 daily partitions was most of silver's commit, on the
     * run's critical path, and a C2 compilation of Kernel's {@code StructType} constructor
     * (docs/benchmarks.md, "Session 30"). The steps are Kernel 4.4's, in its order;
     * KernelInternalsTest compares both ways on a plain and a column-mapped partitioned table.
     */
    public static final class WriteContexts {
        private final StructType logicalSchema;
        private final List<String> partitionColumns;
        private final ColumnMapping.ColumnMappingMode columnMapping;
        private final List<String> physicalPartitionColumns;
        private final String tablePath;
        private final List<Column> statisticsColumns;
        private final StructType physicalSchema;
        private final URI tableRoot;
        private final boolean icebergCompatV2;
        private final boolean icebergCompatV3;

        public WriteContexts(Row transactionState) {
            logicalSchema = TransactionStateRow.getLogicalSchema(transactionState);
            partitionColumns = TransactionStateRow.getPartitionColumnsList(transactionState);
            columnMapping = TransactionStateRow.getColumnMappingMode(transactionState);
            physicalPartitionColumns =
                    PartitionUtils.toPhysicalPartitionColNames(
                            logicalSchema, partitionColumns, columnMapping);
            tablePath = TransactionStateRow.getTablePath(transactionState);
            // Shared by every context, where Kernel makes a list per call: none may change it.
            statisticsColumns = List.copyOf(TransactionImpl.getStatisticsColumns(transactionState));
            physicalSchema = TransactionStateRow.getPhysicalSchema(transactionState);
            tableRoot = new Path(tablePath).toUri();
            icebergCompatV2 = TransactionStateRow.isIcebergCompatV2Enabled(transactionState);
            icebergCompatV3 = TransactionStateRow.isIcebergCompatV3Enabled(transactionState);
        }

        /** What {@code Transaction.getWriteContext} returns for these partition values. */
        public DataWriteContext context(Map<String, Literal> partitionValues) {
            Map<String, Literal> physicalValues =
                    PartitionUtils.toPhysicalPartitionValues(
                            logicalSchema,
                            PartitionUtils.validateAndSanitizePartitionValues(
                                    logicalSchema, partitionColumns, partitionValues),
                            columnMapping);
            return new DataWriteContextImpl(
                    PartitionUtils.getTargetDirectory(
                            tablePath, physicalPartitionColumns, physicalValues),
                    physicalValues,
                    statisticsColumns);
        }

        /**
         * The add actions {@code Transaction.generateAppendActions} makes of {@code files}, written
         * for {@code context} (one of {@link #context}'s).
         */
        public List<Row> appendActions(List<DataFileStatus> files, DataWriteContext context) {
            Map<String, Literal> partitionValues =
                    ((DataWriteContextImpl) context).getPartitionValues();
            List<Row> actions = new ArrayList<>(files.size());
            for (DataFileStatus file : files) {
                if (icebergCompatV2) {
                    IcebergCompatV2MetadataValidatorAndUpdater.validateDataFileStatus(file);
                } else if (icebergCompatV3) {
                    IcebergCompatV3MetadataValidatorAndUpdater.validateDataFileStatus(file);
                }
                AddFile add =
                        AddFile.convertDataFileStatus(
                                physicalSchema,
                                tableRoot,
                                file,
                                partitionValues,
                                true,
                                Map.of(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty());
                actions.add(SingleAction.createAddFileSingleAction(add.toRow()));
            }
            return actions;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Snapshots: transaction versions, protocol and configuration are not on the public Snapshot.
    // ------------------------------------------------------------------------------------------

    /** The last version {@code appId} committed to the table (Delta's transaction ids). */
    public static Optional<Long> latestTransactionVersion(
            Snapshot snapshot, Engine engine, String appId) {
        return ((SnapshotImpl) snapshot).getLatestTransactionVersion(engine, appId);
    }

    /** The table features the protocol names (reader and writer); empty for a legacy protocol. */
    public static Set<String> tableFeatures(Snapshot snapshot) {
        Protocol protocol = ((SnapshotImpl) snapshot).getProtocol();
        return protocol.supportsReaderFeatures() || protocol.supportsWriterFeatures()
                ? protocol.getReaderAndWriterFeatures()
                : Set.of();
    }

    /** The table's configuration (its {@code delta.*} properties). */
    public static Map<String, String> configuration(Snapshot snapshot) {
        return ((SnapshotImpl) snapshot).getMetadata().getConfiguration();
    }

    public static String tablePath(Snapshot snapshot) {
        return ((SnapshotImpl) snapshot).getPath();
    }

    // ------------------------------------------------------------------------------------------
    // Schema changes: Kernel 4.4 changes an existing table's schema only with column mapping.
    // ------------------------------------------------------------------------------------------

    /**
     * Writes the next version of the log on top of {@code snapshot}: a commit info, the metadata
     * with {@code schema}, and with {@code timestampNtz} the protocol in table-features form with
     * that feature added. False when another writer wrote that version first.
     */
    public static boolean commitSchema(
            Engine engine,
            Snapshot snapshot,
            StructType schema,
            Map<String, String> operationParameters,
            boolean timestampNtz,
            String engineInfo)
            throws IOException {
        SnapshotImpl base = (SnapshotImpl) snapshot;
        Metadata evolved = base.getMetadata().withNewSchema(schema);
        CommitInfo info =
                new CommitInfo(
                        Optional.empty(),
                        System.currentTimeMillis(),
                        Optional.of(engineInfo),
                        Optional.of("ADD COLUMNS"),
                        operationParameters,
                        Optional.of(false),
                        Optional.empty(),
                        Map.of());
        List<Row> actions = new ArrayList<>();
        actions.add(SingleAction.createCommitInfoSingleAction(info.toRow()));
        actions.add(SingleAction.createMetadataSingleAction(evolved.toRow()));
        Protocol protocol = base.getProtocol();
        if (timestampNtz && !protocol.supportsFeature(TableFeatures.TIMESTAMP_NTZ_RW_FEATURE)) {
            actions.add(
                    SingleAction.createProtocolSingleAction(withTimestampNtz(protocol).toRow()));
        }
        try {
            engine.getJsonHandler()
                    .writeJsonFileAtomically(
                            FileNames.deltaFile(base.getLogPath(), base.getVersion() + 1),
                            Iterators.closeable(actions.iterator()),
                            false);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
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
}

package io.tributary.connector.delta.internal;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;

/** The data files of a snapshot, optionally pruned by partition values and statistics. */
@Internal
public final class TableFiles {
    private TableFiles() {}

    /** A live data file: where it is, its partition, and how to remove it in a commit. */
    public static final class TableFile {
        public final String path;
        public final long size;
        public final Map<String, String> partitionValues;
        public final boolean hasDeletionVector;
        private final Row addFile;

        TableFile(Row scanFile) {
            KernelInternals.ScanFile file = KernelInternals.scanFile(scanFile);
            this.path = file.path();
            this.size = file.size();
            this.partitionValues = file.partition();
            this.hasDeletionVector = file.hasDeletionVector();
            this.addFile = file.addAction();
        }

        /** The file's statistics; empty unless the listing asked for them and the file has them. */
        public Optional<DataFileStatistics> statistics(StructType schema) {
            return KernelInternals.statistics(addFile, schema);
        }

        /** A remove action for this file, as a commit's action row. */
        public Row removeAction(long deletionTimestamp) {
            return removeAction(deletionTimestamp, true);
        }

        /**
         * @param dataChange false when the rows stay in the table, rewritten elsewhere (compaction)
         */
        public Row removeAction(long deletionTimestamp, boolean dataChange) {
            return KernelInternals.removeAction(addFile, dataChange, deletionTimestamp);
        }
    }

    public static List<TableFile> list(
            Engine engine, Snapshot snapshot, Optional<Predicate> filter) {
        return list(engine, snapshot, filter, false);
    }

    /**
     * @param withStatistics whether each file's statistics come with it ({@link
     *     TableFile#statistics}); they are the bulk of a large table's log
     */
    public static List<TableFile> list(
            Engine engine, Snapshot snapshot, Optional<Predicate> filter, boolean withStatistics) {
        ScanBuilder builder = snapshot.getScanBuilder();
        if (filter.isPresent()) {
            builder = builder.withFilter(filter.get());
        }
        Scan scan = builder.build();
        List<TableFile> files = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> batches =
                scan.getScanFiles(engine, withStatistics)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        files.add(new TableFile(rows.next()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot list the files of Delta table " + snapshot.getPath(), e);
        }
        return files;
    }
}

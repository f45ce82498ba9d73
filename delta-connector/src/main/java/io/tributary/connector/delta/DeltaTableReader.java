package io.tributary.connector.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Predicate;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.DeltaTables;
import io.tributary.connector.delta.internal.SchemaConversions;
import io.tributary.connector.delta.internal.TableFiles;
import io.tributary.connector.delta.internal.UnsupportedTableException;
import io.tributary.connector.delta.source.DeltaFileIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads a small Delta table's latest snapshot into memory without a Flink job, for tools that watch
 * gold tables (benchmarks, reports): a lookup costs a log replay and a Parquet read, not a job
 * submission. Large tables belong to the Delta source.
 */
@PublicEvolving
public final class DeltaTableReader {
    private DeltaTableReader() {}

    /** One snapshot's rows, in the table's column order, partition columns included. */
    public static final class Contents {
        private final long version;
        private final RowType rowType;
        private final List<RowData> rows;

        Contents(long version, RowType rowType, List<RowData> rows) {
            this.version = version;
            this.rowType = rowType;
            this.rows = Collections.unmodifiableList(rows);
        }

        public long version() {
            return version;
        }

        public RowType rowType() {
            return rowType;
        }

        public List<RowData> rows() {
            return rows;
        }

        /**
         * The ordinal of a column, failing with the table's columns when there is none of that
         * name.
         */
        public int column(String name) {
            int index = rowType.getFieldIndex(name);
            if (index < 0) {
                throw new IllegalArgumentException(
                        "No column '" + name + "' among " + rowType.getFieldNames());
            }
            return index;
        }
    }

    /**
     * The latest snapshot of the table at {@code location}; empty when there is no Delta table
     * there.
     */
    public static Optional<Contents> read(String location, Map<String, String> kernelConf) {
        return read(location, kernelConf, Optional.empty());
    }

    /**
     * As {@link #read(String, Map)}, reading only the files that may hold rows matching {@code
     * skipping} (by their partition values and column statistics): the rows are those files' rows,
     * not filtered one by one, so a caller keeps the rows it wants itself.
     */
    public static Optional<Contents> read(
            String location, Map<String, String> kernelConf, Optional<Predicate> skipping) {
        String path = DeltaEngines.qualify(location);
        Engine engine = DeltaEngines.create(kernelConf);
        Optional<Snapshot> snapshot = DeltaTables.latest(engine, path);
        snapshot.ifPresent(s -> UnsupportedTableException.requireSupported(s, path));
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        RowType rowType = SchemaConversions.toFlink(snapshot.get().getSchema());
        List<String> partitionColumns = snapshot.get().getPartitionColumnNames();
        List<RowData> rows = new ArrayList<>();
        for (TableFiles.TableFile file : TableFiles.list(engine, snapshot.get(), skipping)) {
            try (DeltaFileIterator it =
                    DeltaFileIterator.open(
                            path,
                            rowType,
                            partitionColumns,
                            kernelConf,
                            file.path,
                            file.size,
                            file.partitionValues)) {
                it.forEachRemaining(rows::add);
            }
        }
        return Optional.of(new Contents(snapshot.get().getVersion(), rowType, rows));
    }

    /**
     * The table's latest version, empty when there is no Delta table at {@code location}: a cheap
     * way to know whether a copy read earlier is still current.
     */
    public static Optional<Long> latestVersion(String location, Map<String, String> kernelConf) {
        return DeltaTables.latest(DeltaEngines.create(kernelConf), DeltaEngines.qualify(location))
                .map(Snapshot::getVersion);
    }
}

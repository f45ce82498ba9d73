package io.tributary.connector.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.utils.CloseableIterator;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.DeltaTables;
import io.tributary.connector.delta.internal.KernelInternals;
import io.tributary.connector.delta.internal.SchemaConversions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.types.logical.RowType;

/** A Delta table's latest snapshot at a glance: version, schema, partitioning, rows and size. */
@PublicEvolving
public final class DeltaTableInfo {
    private final String location;
    private final long version;
    private final RowType rowType;
    private final List<String> partitionColumns;
    private final long files;
    private final long rows;
    private final long bytes;

    private DeltaTableInfo(
            String location,
            long version,
            RowType rowType,
            List<String> partitionColumns,
            long files,
            long rows,
            long bytes) {
        this.location = location;
        this.version = version;
        this.rowType = rowType;
        this.partitionColumns = partitionColumns;
        this.files = files;
        this.rows = rows;
        this.bytes = bytes;
    }

    /** Reads the table at {@code location}; empty when there is no Delta table there. */
    public static Optional<DeltaTableInfo> load(String location, Map<String, String> kernelConf) {
        String path = DeltaEngines.qualify(location);
        Engine engine = DeltaEngines.create(kernelConf);
        Optional<Snapshot> snapshot = DeltaTables.latest(engine, path);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        long files = 0;
        long rows = 0;
        long bytes = 0;
        try (CloseableIterator<FilteredColumnarBatch> batches =
                snapshot.get().getScanBuilder().build().getScanFiles(engine, true)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> it = batches.next().getRows()) {
                    while (it.hasNext()) {
                        long[] sizeAndRecords = KernelInternals.sizeAndRecords(it.next());
                        files++;
                        bytes += sizeAndRecords[0];
                        rows += sizeAndRecords[1];
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files of Delta table " + path, e);
        }
        return Optional.of(
                new DeltaTableInfo(
                        path,
                        snapshot.get().getVersion(),
                        SchemaConversions.toFlink(snapshot.get().getSchema()),
                        snapshot.get().getPartitionColumnNames(),
                        files,
                        rows,
                        bytes));
    }

    public String location() {
        return location;
    }

    public long version() {
        return version;
    }

    public RowType rowType() {
        return rowType;
    }

    public List<String> partitionColumns() {
        return partitionColumns;
    }

    public long files() {
        return files;
    }

    /** Rows according to the files' statistics. */
    public long rows() {
        return rows;
    }

    public long bytes() {
        return bytes;
    }
}
